"""Django admin classes for models that keep their history with simple-history.

simple-history's page of an older version ("revert") builds a form of every
field and saves what is posted without asking Django's change permission, so
a record the admin may only look at could still be rewritten there. Here it
saves only for whoever may change the record anyway.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            current = self.get_object(request, unquote(object_id))
            if current is None or not self.has_change_permission(request, current):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReadOnlyHistoryAdmin(HistoryAdmin):
    """Records made by the app's own actions (signed, approved, paid): shown, never edited here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
