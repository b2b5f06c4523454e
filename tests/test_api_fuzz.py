"""Schema-driven fuzzing: schemathesis generates requests from the app's own /openapi.json and sends
them over loopback to a real uvicorn server (the real model and index, question recording on).

Every default check runs on every response: no 5xx, only documented status codes and content types,
bodies matching their response schema, schema-invalid requests refused, schema-valid ones accepted
(or refused with the documented 422 where a rule lies outside the schema). Bounded and repeatable: the
coverage phase's boundary cases plus 50 generated examples per operation, derandomized, no shrinking,
no example database; about 10 s of requests.
"""

from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings

from bot.http.app import create_app
from bot.settings import Settings

MAX_EXAMPLES = 50

CONFIG = schemathesis.Config.from_dict({
    "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "no-shrink": True, "database": "none"},
    "phases": {"stateful": {"enabled": False}},
    "cache": {"enabled": False},
    # Schema-valid is not always acceptable: a blank question, or a conversation whose last message is the
    # assistant's, is refused with the documented 422 (rules a JSON schema cannot express).
    "checks": {"positive_data_acceptance": {"expected-statuses": ["2XX", "404", "422"]},
               # Schema-invalid requests must be refused; one over BOT_MAX_BODY_BYTES is refused with 413.
               "negative_data_rejection": {"expected-statuses": ["400", "404", "405", "413", "422"]}},
})


@pytest.fixture(scope="module")
def fuzz_url(seed_index, served_engine, serve, tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz-db") / "feedback.sqlite3"
    app_settings = seed_index.with_overrides(db_path=db, record_questions=True, rate_limit="1000000/minute")
    with serve(create_app(app_settings, served_engine)) as url:
        yield url


def served_schema_dict() -> dict:
    """The OpenAPI document ``create_app`` serves at /openapi.json. Built at import from an app with a
    stand-in engine (routes and models do not depend on the engine or settings), because pytest collects
    one test per operation before any server runs; test_fuzzed_schema_is_the_served_one checks it matches.
    (schemathesis.pytest.from_fixture, which would load it from the live server, fails on pytest 9.2.)"""
    return create_app(Settings(db_path=Path("unused.sqlite3")), engine=object()).openapi()


schema = schemathesis.openapi.from_dict(served_schema_dict(), config=CONFIG)


def test_fuzzed_schema_is_the_served_one(fuzz_url):
    assert httpx.get(fuzz_url + "/openapi.json").json() == served_schema_dict()


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, derandomize=True, database=None, deadline=None,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_api_conforms_to_its_schema(case, fuzz_url):
    response = case.call_and_validate(base_url=fuzz_url, timeout=30)
    assert "Traceback" not in response.text
