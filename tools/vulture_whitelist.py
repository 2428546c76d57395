"""Names vulture (`make lint`, `make test`) reports as unused that something outside the
Python code reads: each with the one reason it stays. Vulture reads this file as code that
uses them; nothing imports it."""

# ruff: noqa: B018, F821
# (each line below only names an attribute: that is how vulture's whitelists work)

# zipfile.ZipInfo fields: zipfile reads them when it writes each member.
_.compress_type  # assessment/renderers/docx.py, hooks/assessment_page.py: each member deflated
_.create_system  # assessment/renderers/docx.py: the same "made on" byte on every system
_.external_attr  # docx.py, assessment_page.py: the members' file mode, fixed for same bytes

# MkDocs calls a hook module's on_* functions by name (mkdocs.yml `hooks:`).
_.on_config  # MkDocs: once the configuration is read
_.on_files  # MkDocs: with the site's files, before the pages are built
_.on_page_markdown  # MkDocs: each page's Markdown, before it becomes HTML
_.on_page_content  # MkDocs: each page's HTML body
_.on_post_page  # MkDocs: each page's whole HTML
_.on_post_build  # MkDocs: once the site is written
_.on_page_context  # MkDocs: each page's template context
_.on_template_context  # MkDocs: each static template's context (the 404 page, say)
_.dest_uri  # hooks/asset_names.py: MkDocs writes the file to this address (hashed names)

# html.parser.HTMLParser calls these while it reads (hooks/citation_checks.py).
_.handle_starttag  # HTMLParser: an opening tag
_.handle_endtag  # HTMLParser: a closing tag
_.handle_data  # HTMLParser: the text between tags

# socketserver and http.server read these (tools/serve.py, tools/bench/server.py).
_.daemon_threads  # socketserver: request threads do not keep the benchmark server alive
_.handle_error  # socketserver: a closed connection is said nothing about
_.client_address  # socketserver: handle_error's signature names it; it is not needed there
_.extensions_map  # http.server: the content types the static server sends
_.log_message  # http.server: the server's request log, kept quiet

# Read by name (getattr over DETAIL_FIELDS), in the pack, the link encoding and the readers.
_.body_areas  # assessment/model/details.py RowDetail: a scope row's typed detail
_.indications  # assessment/model/details.py RowDetail
_.exclusions  # assessment/model/details.py RowDetail
# Read by the page's script from the view as JSON (assessment-result.js).
_.guidance_text  # assessment/views/result_view.py ItemView: the evidence item's guidance link

# Used by the tests, which vulture is not run over.
_.serve_in_background  # tools/serve.py: the offline tests serve the built site with it
