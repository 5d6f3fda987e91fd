"""Form widgets with the design system's classes, keeping Django's ids and aria-describedby."""

from django import template
from django.forms.boundfield import BoundWidget

register = template.Library()

# KERN UX classes per widget type; anything else renders as Django writes it.
INPUT_CLASSES = {
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
    "checkbox": "kern-form-check__checkbox",
    "radioselect": "kern-form-check__radio",
    "checkboxselectmultiple": "kern-form-check__checkbox",
}


def _css_class(field):
    name = INPUT_CLASSES.get(field.widget_type, "kern-form-input__input")
    return f"{name} {name}--error" if field.errors else name


@register.simple_tag
def kern_widget(field):
    """The field's widget with its KERN class (aria-describedby still added by Django)."""
    existing = field.field.widget.attrs.get("class", "")
    return field.as_widget(attrs={"class": f"{existing} {_css_class(field)}".strip()})


@register.simple_tag
def kern_choices(field):
    """The radios or checkboxes of a grouped field, each carrying its KERN class."""
    attrs = field.build_widget_attrs({"id": field.auto_id} if field.auto_id else {})
    attrs["class"] = _css_class(field)
    widget = field.field.widget
    return [
        BoundWidget(widget, data, field.form.renderer)
        for data in widget.subwidgets(field.html_name, field.value(), attrs=attrs)
    ]
