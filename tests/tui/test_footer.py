"""The footer redraws only when the keys it shows change (coach/tui/widgets/footer.py):
Textual's own mounts every key again on each focus change and screen resume."""

from __future__ import annotations

from textual.widgets._footer import FooterKey
from tui_helpers import AppFactory, wait_for

from coach.store import Store
from coach.tui.screens.bank import BankScreen
from coach.tui.widgets.footer import Footer


async def test_the_footer_redraws_only_when_its_keys_change(
    samples: Store, coach_app: AppFactory
) -> None:
    app = coach_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BankScreen), "the bank")
        footer = app.screen.query_one(Footer)
        await wait_for(pilot, lambda: bool(footer.query(FooterKey)), "the footer's keys")
        await pilot.pause()
        keys = list(footer.query(FooterKey))

        app.screen.refresh_bindings()  # the same keys: nothing to redraw
        await pilot.pause()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys

        app.screen._bindings.bind("z", "app.bell", "Zed rings")  # one more key shown
        app.screen.refresh_bindings()
        await wait_for(
            pilot,
            lambda: any(k.description == "Zed rings" for k in footer.query(FooterKey)),
            "the new key in the footer",
        )
        assert len(footer.query(FooterKey)) == len(keys) + 1
