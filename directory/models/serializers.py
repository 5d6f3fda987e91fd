"""Small read-only serializers for the API fields of the directory's models."""

from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class DistrictSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()


class InstitutionSerializer(serializers.Serializer):
    name = serializers.CharField()
    is_public_authority = serializers.BooleanField()
    website = serializers.CharField()
