"""Reading the self-assessment page as the browser tests see it."""

from __future__ import annotations


def checked(page: object) -> dict[str, list[str]]:
    """The answers the form shows: each question's checked options, in the form's order."""
    return page.evaluate(
        """() => {
            const out = {};
            for (const input of document.querySelectorAll('#assessment-form input:checked')) {
                (out[input.name] ||= []).push(input.value);
            }
            return out;
        }"""
    )
