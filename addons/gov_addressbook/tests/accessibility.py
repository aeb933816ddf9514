"""axe-core in the test browser: public pages meet WCAG 2.1 AA.

Dutch public bodies' websites must (Besluit digitale toegankelijkheid overheid).
``./gov setup`` fetches axe-core (pinned, tools/setup/axe.sh) and names the file in
GOV_AXE_JS. The check runs in Odoo's test browser on the page as a visitor sees it.
"""

import json
import os

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Brings the page to the answer of its form, in place: the form is posted as the
# browser would (with its CSRF token) and the answer replaces the page's body, so
# error and confirmation states are checked too, without re-running page scripts.
SUBMIT_FORM = """
    const form = document.querySelector(%(selector)s);
    for (const [name, value] of Object.entries(%(values)s)) {
        form.elements[name].value = value;
    }
    const answer = await fetch(form.action, {method: "POST", body: new FormData(form)});
    const page = new DOMParser().parseFromString(await answer.text(), "text/html");
    document.documentElement.lang = page.documentElement.lang;
    document.title = page.title;
    document.body.replaceWith(document.importNode(page.body, true));
"""


class AccessibilityChecks:
    """For HttpCase: assert that axe-core finds no WCAG 2.1 A/AA violation."""

    @classmethod
    def _axe_source(cls):
        path = os.environ.get("GOV_AXE_JS", "")
        if not os.path.isfile(path):
            raise AssertionError(
                "axe-core is missing: run the tests through ./gov, whose set-up "
                "fetches it (tools/setup/axe.sh) and names it in GOV_AXE_JS."
            )
        with open(path, encoding="utf-8") as source:
            return source.read()

    def assert_accessible(self, url, submit=None, values=None):
        """Check the page at ``url``; with ``submit`` (a CSS selector of a form),
        the page that answers that form filled in with ``values``."""
        prepare, state = "", ""
        if submit:
            state = " (the answer to its form)"
            prepare = SUBMIT_FORM % {
                "selector": json.dumps(submit),
                "values": json.dumps(values or {}),
            }
        code = f"""
        (async () => {{
            {prepare}
            (0, eval)({json.dumps(self._axe_source())});
            const result = await axe.run(document, {{
                runOnly: {json.dumps(WCAG_AA)}, resultTypes: ["violations"],
            }});
            const found = result.violations.map((v) => ({{
                rule: v.id, impact: v.impact, help: v.help,
                where: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
            }}));
            if (!document.documentElement.lang) {{
                found.push({{rule: "html-has-lang", where: ["html"]}});
            }}
            if (found.length) {{
                console.error("WCAG 2.1 AA violations on " + location.pathname +
                    {json.dumps(state)} + ": " + JSON.stringify(found));
            }} else {{
                console.log("test successful");
            }}
        }})();
        """
        self.browser_js(url, code, timeout=120)
