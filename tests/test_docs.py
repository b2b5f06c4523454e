"""Every setting is documented, and the README's commands exist."""

import re
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from bot.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_has_a_description():
    missing = [name for name, field in Settings.model_fields.items() if not (field.description or "").strip()]
    assert not missing


def test_every_bot_command_in_the_readme_exists():
    commands = set(re.findall(r"`bot ([a-z]+(?: [a-z]+)?)", README))
    assert commands, "the README lists no commands"
    runner = CliRunner()
    for command in sorted(commands):
        words = command.split()
        result = runner.invoke(app, [*words, "--help"])
        if result.exit_code != 0 and len(words) == 2:  # "bot ask why…": a command and its argument
            result = runner.invoke(app, [words[0], "--help"])
        assert result.exit_code == 0, (command, result.output)
