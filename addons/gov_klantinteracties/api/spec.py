"""The Klantinteracties 0.9.0 OAS (Open Klant 2.18.0) as the API's own rules.

Request bodies are checked against the schema the OAS declares for the
operation, as Open Klant's serializers check them, and every problem becomes
an ``invalidParams`` entry named the way Open Klant names it:

- a field of a data group (``partijIdentificator``, ``contactnaam``,
  ``bezoekadres``, …) is named group + field (``partijIdentificatorObjectId``);
- inside an inline list the list path comes first
  (``partijIdentificatoren.0.partijIdentificatorObjectId``);
- other nested objects are joined with dots (``klantcontact.taal``).

Read-only properties are dropped from the write schema: Open Klant ignores
them in a write (OPENKLANT-BEHAVIOUR.md, "PUT/PATCH with read-only fields").
"""

import functools
from pathlib import Path

import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker

SPEC_FILE = (
    Path(__file__).parent / "spec" / "klantinteracties-api-0.9.0-openklant-2.18.0.yaml"
)
API_VERSION = "0.9.0"

# Nested objects Open Klant serialises as data groups (GegevensGroep): their
# fields are reported as group + Field.
DATA_GROUPS = {
    "partijIdentificator",
    "contactnaam",
    "bezoekadres",
    "correspondentieadres",
    "onderwerpobjectidentificator",
    "actoridentificator",
    "bijlageidentificator",
}

# jsonschema validator -> the DRF error code Open Klant sends.
CODES = {
    "required": "required",
    "maxLength": "max_length",
    "minLength": "blank",
    "enum": "invalid_choice",
    "maximum": "max_value",
    "minimum": "min_value",
    "pattern": "invalid",
    "format": "invalid",
    "type": "invalid",
}


@functools.cache
def spec():
    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    with open(SPEC_FILE, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def component(name):
    return spec()["components"]["schemas"][name]


def _resolve(schema, depth=0):
    """``schema`` with every $ref inlined, single-item allOf merged (so that a
    ``nullable`` next to it applies) and read-only properties dropped."""
    if depth > 12:
        return {}
    if "$ref" in schema:
        return _resolve(component(schema["$ref"].rsplit("/", 1)[-1]), depth + 1)
    schema = dict(schema)
    if "allOf" in schema:
        parts = [_resolve(part, depth + 1) for part in schema.pop("allOf")]
        merged = {}
        for part in parts:
            merged.setdefault("properties", {}).update(part.get("properties", {}))
            merged["required"] = merged.get("required", []) + part.get("required", [])
            for key, value in part.items():
                if key not in ("properties", "required"):
                    merged.setdefault(key, value)
        merged.update(schema)
        schema = merged
    if "properties" in schema:
        writable = {
            key: _resolve(value, depth + 1)
            for key, value in schema["properties"].items()
            if not value.get("readOnly")
        }
        schema["properties"] = writable
        schema["required"] = [k for k in schema.get("required", []) if k in writable]
        if not schema["required"]:
            schema.pop("required")
    if "items" in schema:
        schema["items"] = _resolve(schema["items"], depth + 1)
    if "oneOf" in schema and "discriminator" not in schema:
        schema["oneOf"] = [_resolve(part, depth + 1) for part in schema["oneOf"]]
    return schema


@functools.cache
def _write_schema(name):
    return _resolve(component(name))


def write_schema(name, body):
    """The write schema of component ``name`` for ``body``: a polymorphic
    component (Partij, Actor) is chosen by its discriminator's value."""
    schema = component(name)
    discriminator = schema.get("discriminator")
    if not discriminator:
        return _write_schema(name)
    value = body.get(discriminator["propertyName"]) if isinstance(body, dict) else None
    target = discriminator["mapping"].get(value) if isinstance(value, str) else None
    if not target:
        # Validate against the common part: the missing or wrong discriminator
        # is reported by the enum/required check on that part.
        base = target or next(iter(discriminator["mapping"].values()))
        resolved = dict(_write_schema(base.rsplit("/", 1)[-1]))
        resolved["required"] = sorted(
            set(resolved.get("required", [])) | {discriminator["propertyName"]}
        )
        return resolved
    return _write_schema(target.rsplit("/", 1)[-1])


def _param_name(path):
    name = ""
    for index, key in enumerate(path):
        if isinstance(key, int):
            name = f"{name}.{key}"
        elif (
            name and isinstance(path[index - 1], str) and path[index - 1] in DATA_GROUPS
        ):
            name = name + key[:1].upper() + key[1:]
        else:
            name = f"{name}.{key}" if name else key
    return name or "nonFieldErrors"


def invalid_params(component_name, body, partial=False):
    """Open Klant's ``invalidParams`` for ``body`` written to ``component_name``
    (empty when the body is valid). ``partial`` (PATCH) skips required."""
    schema = write_schema(component_name, body)
    if partial:
        schema = _without_required(schema)
    validator = OAS30Validator(schema, format_checker=oas30_format_checker)
    problems = []
    for error in validator.iter_errors(body):
        path = list(error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else ""
            path.append(missing)
        code = CODES.get(error.validator, "invalid")
        if error.validator == "type" and error.instance is None:
            code = "null"
        problems.append(
            {"name": _param_name(path), "code": code, "reason": _reason(error, code)}
        )
    return problems


def _without_required(schema):
    schema = {k: v for k, v in schema.items() if k != "required"}
    if "properties" in schema:
        schema["properties"] = dict(schema["properties"])
    return schema


REASONS = {
    "required": "Dit veld is vereist.",
    "null": "Dit veld mag niet leeg zijn.",
    "blank": "Dit veld mag niet leeg zijn.",
    "invalid_choice": "Dit is geen geldige keuze.",
}


def _reason(error, code):
    if code in REASONS:
        return REASONS[code]
    if code == "max_length":
        limit = error.validator_value
        return f"Zorg ervoor dat dit veld niet meer dan {limit} karakters bevat."
    if code in ("max_value", "min_value"):
        sign = (
            "kleiner dan of gelijk aan"
            if code == "max_value"
            else "groter dan of gelijk aan"
        )
        return f"Zorg ervoor dat deze waarde {sign} {error.validator_value} is."
    return f"Ongeldige waarde: {error.message}"


def list_parameters(path):
    """The query parameters the OAS declares for GET ``path`` (a spec path
    such as "/partijen" or "/partijen/{uuid}")."""
    operation = spec()["paths"].get(path, {}).get("get", {})
    return {
        p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"
    }


def expand_choices(path):
    """The values the OAS allows in ``expand`` on GET ``path``."""
    operation = spec()["paths"].get(path, {}).get("get", {})
    for parameter in operation.get("parameters", []):
        if parameter.get("name") == "expand":
            return set(parameter["schema"].get("items", {}).get("enum", []))
    return set()
