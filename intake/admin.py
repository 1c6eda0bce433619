"""Applications in Django's admin: shown, never changed there; each step goes through
``intake.services``, which keeps who did it and tells the applicant."""

from django.contrib import admin

from intake.models import Application, Event


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    can_delete = False
    fields = ["at", "stage_from", "stage_to", "note", "by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["name", "stage", "stage_changed_at", "created_at"]
    list_filter = ["stage"]
    search_fields = ["name", "email"]
    inlines = [EventInline]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
