// html-validate configuration for the built site (tests/test_quality_html.py runs it over every
// page). It starts from the recommended rules and changes only what mkdocs-material's own
// templates force on us; the HTML this project writes (hooks, overrides, Markdown pages) is held
// to the recommended rules. Each change says which markup forces it.
export default {
  root: true,
  extends: ["html-validate:recommended"],
  elements: [
    "html5",
    {
      // The theme's navigation writes `tabindex=""` on the labels of section index pages
      // (material/templates/partials/nav-item.html, `tabindex="{{ tabindex }}"` with the
      // variable unset). Browsers ignore an empty tabindex. Only the empty value is added;
      // any other value that is not an integer is still an error.
      "*": { attributes: { tabindex: { enum: ["/^-?\\d+$/", "/^$/"] } } },
    },
  ],
  rules: {
    // The theme's templates are Jinja with indented blocks: thousands of lines end in spaces.
    // Whitespace at the end of a line changes nothing a reader or a browser sees.
    "no-trailing-whitespace": "off",

    // The theme writes `<!doctype html>`. The doctype is case-insensitive; ask for the theme's
    // case so the rule still catches a mixed style.
    "doctype-style": ["error", { style: "lowercase" }],

    // The theme's ids start with underscores (`__drawer`, `__search`, `__nav_3`, `__palette_0`,
    // `__toc`, `__config`), which HTML5 allows (any non-empty id without spaces). `relaxed`
    // keeps that HTML5 check and drops only the "must begin with a letter" style requirement.
    "valid-id": ["error", { relaxed: true }],

    // The theme puts `autocomplete="off"` on its hidden checkbox toggles (`__drawer`,
    // `__search`), to stop Firefox restoring them on reload. The attribute is ignored on
    // checkboxes; nothing on the site uses autocomplete otherwise.
    "valid-autocomplete": "off",

    // The theme's sidebars nest a <nav> per section, labelled by a <label> that holds only an
    // icon (an empty name), and repeat the "Table of contents" nav in both sidebars (one is
    // shown on small screens, the other on large ones). axe's WCAG rules pass these pages.
    "unique-landmark": "off",

    // WCAG technique H32 (a submit button) serves SC 3.2.2: a form must not change the context
    // when a setting changes. No form on the site does: the theme's colour-palette toggle and
    // search update the page in place, and the self-assessment's questions (a form so the
    // browser groups its radios, announces its name and keeps it working without JavaScript)
    // update the result live and are never submitted. A submit button would do nothing.
    "wcag/h32": "off",

    // Checkboxes answering one multiple-choice question share its name, as radios do; that is
    // how HTML forms express "choose all that apply". The default list plus checkbox.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
  },
};
