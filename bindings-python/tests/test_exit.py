"""A script that ends with calls still running exits cleanly.

CPython ends a thread that takes the GIL back while the interpreter finalizes with
`pthread_exit`, which aborted the process ("FATAL: exception not rethrown") when a runtime
thread was handing an answer over at that moment. Before the fix, about one run in eight of
this script crashed; the native module's `atexit` hook now stops those hand-overs first.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import Sandbox

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    import lasku

    async def main(base_url):
        async with lasku.AsyncClient(api_key="lasku-sandbox-key", base_url=base_url) as client:
            await asyncio.gather(*(client.retrieve_invoice_status(1 + i) for i in range(3)), return_exceptions=True)
            async for _ in client.list_sales_invoices_iter():
                break
            # Left running on purpose: their answers arrive while the script ends.
            tasks = [asyncio.ensure_future(client.retrieve_invoice_status(50 + i)) for i in range(20)]
            await asyncio.sleep(0.002)

    asyncio.run(main(sys.argv[1]))
    print("done")
    """
)


def test_calls_still_running_when_a_script_ends_do_not_crash_its_exit(sandbox: Sandbox) -> None:
    for _ in range(16):
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, sandbox.base_url], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
        assert result.stdout.strip() == "done"
