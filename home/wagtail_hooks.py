"""The site's editorial policy in the admin: while a page is under review, the review actions are
the path; the plain "Publish" (which would cancel the review) is not offered beside "Approve"."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem


def bypasses_review(user):
    # Administrators keep the escape hatch, e.g. to publish an urgent correction.
    return user.is_superuser


@hooks.register("construct_page_action_menu")
def review_actions_first(menu_items, request, context):
    page = context.get("page")
    if context.get("view") != "edit" or page is None or page.current_workflow_state is None:
        return
    if bypasses_review(request.user):
        # Still offered, but last: the review actions stay the obvious path.
        publish = [item for item in menu_items if item.name == "action-publish"]
        others = [item for item in menu_items if item.name != "action-publish"]
        menu_items[:] = others + publish
    else:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    if not menu_items:
        return
    # The first item is the main button ("Save draft"); the review actions follow it directly.
    first, rest = menu_items[0], menu_items[1:]
    review = [item for item in rest if isinstance(item, WorkflowMenuItem)]
    menu_items[:] = [first] + review + [item for item in rest if item not in review]


@hooks.register("before_edit_page")
def keep_reviewed_pages_in_review(request, page):
    """A "Publish" posted from a form opened before submission would cancel the review."""
    if (request.method == "POST" and "action-publish" in request.POST
            and page.current_workflow_state is not None and not bypasses_review(request.user)):
        messages.error(request, _("This page is in review: approve it or request changes "
                                  "instead of publishing it directly."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
