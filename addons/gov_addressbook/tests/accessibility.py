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


def make_organisation_dutch(env, modules):
    """The organisation's language Dutch, as ``./gov create`` makes it, with the
    Dutch of ``modules`` loaded (a test database has English only)."""
    env["res.lang"]._activate_lang("nl_NL")
    env["ir.module.module"]._load_module_terms(modules, ["nl_NL"])
    env["ir.default"].set("res.partner", "lang", "nl_NL")


class AccessibilityChecks:
    """For HttpCase: assert that axe-core finds no WCAG 2.1 A/AA violation."""

    def _axe_url(self):
        """axe-core served by the test server (a public attachment of this test's
        transaction), so the browser loads it as a script and the log stays short."""
        if not getattr(self, "_gov_axe_url", None):
            path = os.environ.get("GOV_AXE_JS", "")
            if not os.path.isfile(path):
                raise AssertionError(
                    "axe-core is missing: run the tests through ./gov, whose set-up "
                    "fetches it (tools/setup/axe.sh) and names it in GOV_AXE_JS."
                )
            with open(path, "rb") as source:
                attachment = self.env["ir.attachment"].create(
                    {
                        "name": "axe.min.js",
                        "raw": source.read(),
                        "mimetype": "text/javascript",
                        "public": True,
                    }
                )
            self._gov_axe_url = f"/web/content/{attachment.id}?download=false"
        return self._gov_axe_url

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
            const script = document.createElement("script");
            script.src = {json.dumps(self._axe_url())};
            await new Promise((loaded, failed) => {{
                script.onload = loaded;
                script.onerror = () => failed(new Error("axe-core did not load"));
                document.head.append(script);
            }});
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
