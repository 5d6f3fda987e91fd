"""District editors edit only the responsibility matrix of the districts they are assigned to."""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import DistrictEditorAssignment, ResponsibilityEntry


def can_edit_all_districts(user):
    return user.is_active and (user.is_superuser or user.has_perm("directory.edit_all_districts"))


def editable_district_ids(user):
    """District ids the user may edit; None means every district."""
    if can_edit_all_districts(user):
        return None
    return set(DistrictEditorAssignment.objects.filter(user=user).values_list("district_id", flat=True))


class DistrictPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, narrowed per row to the user's assigned districts."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        districts = editable_district_ids(user)
        return districts is None or instance.district_id in districts

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        queryset = self.model._default_manager.all()
        districts = editable_district_ids(user)
        return queryset if districts is None else queryset.filter(district_id__in=districts)


responsibility_policy = DistrictPermissionPolicy(ResponsibilityEntry)
