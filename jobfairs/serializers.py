"""Typed shapes of the job-fair page's computed API fields (trades, exhibitors, places), so the
OpenAPI document and generated clients know them instead of a bare object."""

from rest_framework import serializers

from events.api import RegistrationStateSerializer


class TradeSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="Send it in `trades` to register.")
    name = serializers.CharField()
    german_name = serializers.CharField()


class ExhibitorEntrySerializer(serializers.Serializer):
    company = serializers.CharField()
    trades = serializers.ListField(child=serializers.CharField(), help_text="Trade slugs.")


class PlaceSerializer(serializers.Serializer):
    occurrence = serializers.IntegerField(help_text="Send it as `occurrence` to register.")
    start = serializers.DateTimeField()
    registration = RegistrationStateSerializer(many=True)
