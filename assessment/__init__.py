"""The self-assessment for imaging referrer entitlement: rules as data, one engine, a CLI.

The same package runs in CPython (the command line, the tests, the site build) and in
Pyodide in the browser, so it uses the standard library only.
"""
