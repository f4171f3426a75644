#!/usr/bin/env python3
"""Drives `factcheck lsp` as an editor would, with a client of its own
(stdlib only): initialize, open a draft with a wrong figure, expect one
diagnostic at the claim's UTF-16 range, change the figure, expect an
empty list, shut down. Prints OK or FAIL and exits 0 or 1.

    bench/lsp_session.py [path/to/factcheck]   (default: $CARGO_TARGET_DIR/debug/factcheck)
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PATIENCE = 30


def file_uri(path):
    return "file://" + urllib.parse.quote(path)


class Client:
    def __init__(self, binary, root):
        self.proc = subprocess.Popen(
            [binary, "lsp"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.inbox = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def wait(self, wanted):
        while True:
            message = self.inbox.get(timeout=PATIENCE)
            if wanted(message):
                return message
            if "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def diagnostics(self, uri):
        message = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
        )
        return message["params"]["diagnostics"]


def draft(figure):
    return (
        "---\ndate: 2025-08-15\nlang: it\n---\n"
        f"È così: 🚀 Pyongyang ha inviato {figure} soldati in Russia, "
        "secondo l'intelligence sudcoreana.\n"
    )


def session(binary, root):
    client = Client(binary, root)
    checks = []

    def check(name, ok, detail=""):
        checks.append(ok)
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))

    answer = client.request(
        "initialize",
        {"processId": os.getpid(), "rootUri": file_uri(root), "capabilities": {}},
    )
    check("initialize", answer["result"]["serverInfo"]["name"] == "factcheck", answer)
    client.notify("initialized", {})
    uri = file_uri(os.path.join(root, "draft.md"))
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": draft("20.000")}},
    )
    found = client.diagnostics(uri)
    want = {"start": {"line": 4, "character": 32}, "end": {"line": 4, "character": 46}}
    check(
        "wrong figure diagnosed at its UTF-16 range",
        len(found) == 1 and found[0]["range"] == want and found[0]["code"] == "contradicted",
        found,
    )
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": draft("11.000")}]},
    )
    found = client.diagnostics(uri)
    check("right figure clears the list", found == [], found)
    answer = client.request("shutdown", None)
    check("shutdown", "error" not in answer, answer)
    client.notify("exit", None)
    code = client.proc.wait(timeout=PATIENCE)
    check("exit 0", code == 0, code)
    return all(checks)


def main():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    default = os.path.join(target, "debug", "factcheck")
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else default)
    root = os.path.realpath(tempfile.mkdtemp(prefix="factcheck-lsp-"))
    try:
        os.mkdir(os.path.join(root, "claims"))
        shutil.copy(os.path.join(REPO, "claims/dprk-kursk.yaml"), os.path.join(root, "claims"))
        with open(os.path.join(root, "factcheck.toml"), "w") as f:
            f.write('refs = ["claims"]\n')
        try:
            ok = session(binary, root)
        except Exception as err:  # a timeout, a closed pipe, a bad answer
            print(f"FAIL session: {err!r}")
            ok = False
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print("OK" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
