"""`GET /api/v2/exhibitors/?fair=<page id>`: the public exhibitor list of a job fair.

Reads `jobfairs.exhibitors.exhibitors(page)` (approved employers who agreed to be named):
company and trades only, never contact data. Mounted only when the jobfairs app is installed.
"""

from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page

from .pages import AnonymousRequest
from .params import is_number


class ExhibitorsAPIView(APIView):
    authentication_classes = []
    permission_classes = []

    def get(self, request):
        from wagtail.api.querysets import get_public_pages_queryset

        from jobfairs.models import JobFairPage

        fair = request.GET.get("fair", "").strip()
        if not is_number(fair) or len(fair) > 18:
            return Response({"errors": {"fair": [_("Give the id of a job fair page.")]}},
                            status=400)
        public = get_public_pages_queryset(AnonymousRequest(request._request), model=Page)
        page = JobFairPage.objects.filter(pk=int(fair), pk__in=public.values("pk")).first()
        if page is None:
            return Response({"detail": _("No published job fair with this id.")}, status=404)
        items = [{"company": item.company,
                  "trades": [{"slug": trade.slug, "name": trade.name} for trade in item.trades]}
                 for item in page.exhibitors()]
        return Response({"meta": {"total_count": len(items)}, "items": items})
