"""Places in Django's admin: shown with their history, changed only on the app's own pages,
where the coordinator's changes go back to an admin before the public sees them."""

from django.contrib import admin

from burgerbaan.history_admin import ReadOnlyHistoryAdmin
from places.models import Place


@admin.register(Place)
class PlaceAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "organisation", "district", "status", "number_of_places"]
    list_filter = ["status", "kind_of_work", "district"]
    search_fields = ["title", "organisation__name"]
