"""Admin wiring: the directory's snippets in one menu group, the matrix restricted per district."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from .models import (
    CounsellingLanguage,
    District,
    DistrictEditorAssignment,
    Institution,
    ResponsibilityEntry,
    Service,
    TargetGroup,
)
from .permissions import editable_district_ids, responsibility_policy


class TaxonomyViewSetMixin:
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class ServiceViewSet(TaxonomyViewSetMixin, SnippetViewSet):
    model = Service
    icon = "list-ul"


class TargetGroupViewSet(TaxonomyViewSetMixin, SnippetViewSet):
    model = TargetGroup
    icon = "group"


class CounsellingLanguageViewSet(TaxonomyViewSetMixin, SnippetViewSet):
    model = CounsellingLanguage
    icon = "globe"


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "home"
    list_display = ["name", "is_public_authority", "website"]
    list_export = ["name", "is_public_authority", "website"]
    search_fields = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "short_name", "slug", "kind"]
    list_filter = ["kind"]


class ResponsibilityFilterSet(WagtailFilterSet):
    class Meta:
        model = ResponsibilityEntry
        fields = ["district", "topic", "locale", "is_example_data"]


class _LimitDistrictChoices:
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        districts = editable_district_ids(self.request.user)
        if districts is not None and "district" in form.fields:
            form.fields["district"].queryset = District.objects.filter(pk__in=districts)
        return form


class ResponsibilityCreateView(_LimitDistrictChoices, CreateView):
    pass


class _CheckDistrict:
    """Generic edit and delete views check model permissions only; add the per-district check."""

    district_action = "change"

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not responsibility_policy.user_has_permission_for_instance(
                self.request.user, self.district_action, obj):
            raise PermissionDenied
        return obj


class ResponsibilityEditView(_CheckDistrict, _LimitDistrictChoices, EditView):
    pass


class ResponsibilityDeleteView(_CheckDistrict, DeleteView):
    district_action = "delete"


class ResponsibilityViewSet(SnippetViewSet):
    model = ResponsibilityEntry
    icon = "table"
    menu_label = _("Responsibility matrix")
    list_display = ["district", "topic", "institution", "contact_name", "locale"]
    list_export = ["district", "topic", "institution", "department", "contact_name", "contact_role",
                   "phone", "email", "note", "is_example_data"]
    filterset_class = ResponsibilityFilterSet
    search_fields = ["contact_name", "department", "note"]
    add_view_class = ResponsibilityCreateView
    edit_view_class = ResponsibilityEditView
    delete_view_class = ResponsibilityDeleteView

    def get_queryset(self, request):
        return responsibility_policy.instances_user_has_permission_for(request.user, "view") \
            .select_related("district", "institution", "locale")


class DistrictEditorAssignmentViewSet(SnippetViewSet):
    model = DistrictEditorAssignment
    icon = "user"
    list_display = ["user", "district"]
    list_filter = ["district"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "site"
    menu_order = 300
    items = (
        ResponsibilityViewSet, InstitutionViewSet, ServiceViewSet, TargetGroupViewSet,
        CounsellingLanguageViewSet, DistrictViewSet, DistrictEditorAssignmentViewSet,
    )


register_permission_policy(ResponsibilityEntry, responsibility_policy)
register_snippet(DirectoryViewSetGroup)
