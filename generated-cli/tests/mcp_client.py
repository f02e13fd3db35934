# Hand-written end-to-end test, copied from templates/cli-crate/tests/ by `cargo xtask regenerate`. Do not edit here.

"""End-to-end checks of `webwork mcp` with an MCP client nobody here wrote: the official Python
SDK (`mcp` on PyPI), and `jsonschema` for the schemas. Run by tests/mcp.rs, which starts the
loopback API server (wiremock) this talks to through the binary:

    python3 mcp_client.py stdio BINARY BASE_URL TOKEN OPERATIONS
    python3 mcp_client.py http URL HTTP_TOKEN OPERATIONS

and, against any generated command line (no API server needed):

    python3 mcp_client.py schemas BINARY

which checks that `tools/list` answers (with and without --read-only and --dynamic), that every
schema is valid, and that each tool called without its required arguments is an error result.

Prints one line per check passed; any failed check raises (exit status 1). The API token must
appear in no answer: every result is searched for it.
"""

import asyncio
import json
import re
import sys

import httpx2
import jsonschema
from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

CATEGORY = "0b0e3c51-6d29-4b3c-9a52-5b0a0f3c2d11"
EXPENSE = "3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b"
NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def check(condition, what, *details):
    if not condition:
        raise AssertionError(f"{what}: " + " ".join(str(d) for d in details))
    print(f"ok: {what}")


def dump(value):
    return json.dumps(value.model_dump(by_alias=True, exclude_none=True), sort_keys=True)


class Session:
    """One client session, with every answer kept to search for the token."""

    def __init__(self, client, token):
        self.client = client
        self.token = token
        self.tools = {}

    async def list(self):
        tools = (await self.client.list_tools()).tools
        self.check_clean(json.dumps([t.model_dump(by_alias=True, exclude_none=True) for t in tools]))
        self.tools = {t.name: t for t in tools}
        return tools

    async def call(self, name, arguments):
        result = await self.client.call_tool(name, arguments)
        self.check_clean(dump(result))
        return result

    def check_clean(self, text):
        if self.token and self.token in text:
            raise AssertionError("the API token is in an answer")


def text_of(result):
    return "\n".join(block.text for block in result.content if getattr(block, "type", "") == "text")


def check_schemas(tools):
    for tool in tools:
        check_name = NAME.match(tool.name) is not None
        if not check_name:
            raise AssertionError(f"bad tool name {tool.name!r}")
        jsonschema.Draft202012Validator.check_schema(tool.input_schema)
        if tool.input_schema.get("type") != "object":
            raise AssertionError(f"{tool.name}: inputSchema is not an object")
        if tool.output_schema is not None:
            jsonschema.Draft202012Validator.check_schema(tool.output_schema)
            if tool.output_schema.get("type") != "object":
                raise AssertionError(f"{tool.name}: outputSchema is not an object")
    check(True, f"{len(tools)} tools: names of [a-zA-Z0-9_-]{{1,64}}, every schema valid against 2020-12")


def check_structured(session, name, result):
    check(not result.is_error, f"{name} succeeds", text_of(result))
    schema = session.tools[name].output_schema
    jsonschema.validate(result.structured_content, schema, cls=jsonschema.Draft202012Validator)
    check(json.loads(text_of(result)) == result.structured_content,
          f"{name}: the text is the structured content as JSON")


def new_expense(**changes):
    expense = {"workspace_id": 1, "expense_name": "Taxi", "date": "2024-03-01", "amount": 12.5,
               "category_id": CATEGORY}
    expense.update(changes)
    return expense


async def per_operation(session, operations):
    tools = await session.list()
    names = [t.name for t in tools]
    check(len(tools) == operations, f"tools/list has every operation ({operations})", len(tools))
    check(len(set(names)) == len(names), "tool names are unique")
    check_schemas(tools)
    for name in ("expenses_list", "expenses_create", "timesheets_approve", "time_tracking_stop"):
        check(name in session.tools, f"tool {name} is listed")
    hints = session.tools["expenses_list"].annotations
    check(hints.read_only_hint is True and hints.idempotent_hint is True and hints.title,
          "a GET tool reads, is idempotent and has a title")
    hints = session.tools["expenses_delete"].annotations
    check(hints.destructive_hint is True and hints.read_only_hint is False, "a DELETE tool destroys")
    hints = session.tools["expenses_create"].annotations
    check(hints.idempotent_hint is False and hints.read_only_hint is False, "a POST tool writes")
    properties = session.tools["expenses_create"].input_schema["properties"]
    check(properties["category_id"].get("format") == "uuid" and properties["date"].get("format") == "date"
          and "workspace_id" in session.tools["expenses_create"].input_schema["required"],
          "the create tool's arguments are the wire names, typed and required")

    result = await session.call("expenses_list", {"workspace_id": 1})
    check_structured(session, "expenses_list", result)
    data = result.structured_content["data"]
    check([e["expense_name"] for e in data] == ["Taxi", "Hotel, two nights"], "a list gives the page's items")
    check(result.structured_content.get("page") == 1 and result.structured_content.get("last_page") == 1,
          "a list gives its page facts")

    result = await session.call("expenses_list", {"workspace_id": 2, "all_pages": True})
    check_structured(session, "expenses_list", result)
    ids = [e["id"] for e in result.structured_content["data"]]
    check(ids == [1, 2, 3, 4, 5, 6], "all_pages walks three pages", ids)
    check(result.structured_content.get("last_page") == 3 and "truncated" not in result.structured_content,
          "a whole walk is not truncated")
    result = await session.call("expenses_list", {"workspace_id": 2, "all_pages": True, "max_items": 3})
    check_structured(session, "expenses_list", result)
    ids = [e["id"] for e in result.structured_content["data"]]
    check(ids == [1, 2, 3] and result.structured_content.get("truncated") is True,
          "max_items stops the walk and says so", result.structured_content)

    result = await session.call("expenses_create", new_expense())
    check_structured(session, "expenses_create", result)
    check(result.structured_content["data"]["id"] == 9, "a create sends the body the server expects")

    result = await session.call("expenses_create", new_expense(amount=-5))
    text = text_of(result)
    check(result.is_error and "amount: The amount must be positive." in text
          and "date: The date is not a valid date." in text, "a 422 is isError with each field's messages", text)

    result = await session.call("workspaces_list", {})
    check(result.is_error and "Unauthenticated." in text_of(result), "a 401 is isError", text_of(result))

    result = await session.call("expenses_delete", {"expenseId": EXPENSE, "workspace_id": 1})
    check_structured(session, "expenses_delete", result)
    check(result.structured_content == {"data": None}, "a 204 is a success with no data",
          result.structured_content)

    result = await session.call("expenses_create", {"workspace_id": "one"})
    check(result.is_error and "workspace_id" in text_of(result), "a bad argument is isError naming it",
          text_of(result))


async def read_only(session):
    tools = await session.list()
    check(tools and all(t.annotations.read_only_hint for t in tools) and "expenses_create" not in session.tools,
          f"--read-only offers only reading tools ({len(tools)})")


async def dynamic(session):
    tools = await session.list()
    size = len(json.dumps([t.model_dump(by_alias=True, exclude_none=True) for t in tools]))
    check(sorted(session.tools) == ["call_operation", "describe_operation", "search_operations"],
          f"--dynamic offers three tools ({size} bytes)")
    check_schemas(tools)
    result = await session.call("search_operations", {"query": "approve a timesheet"})
    check_structured(session, "search_operations", result)
    found = [o["name"] for o in result.structured_content["operations"]]
    check(found and found[0] == "timesheets_approve", "search_operations finds by words", found)
    result = await session.call("describe_operation", {"name": "expenses_list"})
    check_structured(session, "describe_operation", result)
    described = result.structured_content
    jsonschema.Draft202012Validator.check_schema(described["input_schema"])
    jsonschema.Draft202012Validator.check_schema(described["output_schema"])
    check("workspace_id" in described["input_schema"]["properties"], "describe_operation gives the schemas")
    result = await session.call("call_operation", {"name": "expenses_list", "arguments": {"workspace_id": 1}})
    check_structured(session, "call_operation", result)
    jsonschema.validate(result.structured_content, described["output_schema"])
    check(len(result.structured_content["data"]) == 2, "call_operation calls the operation")
    result = await session.call("call_operation", {"name": "nope"})
    check(result.is_error, "call_operation of an unknown operation is isError")


async def stdio(binary, base_url, token, operations):
    def server(*flags):
        # The token in the environment, as a user's configuration would give it.
        return StdioServerParameters(
            command=binary,
            args=["--base-url", base_url, "--rate-limit", "0", "mcp", *flags],
            env={"WEBWORK_TOKEN": token, "WEBWORK_CONFIG_DIR": "/nonexistent-webwork-config"},
        )

    async with Client(server()) as client:
        await per_operation(Session(client, token), operations)
    async with Client(server("--read-only")) as client:
        await read_only(Session(client, token))
    async with Client(server("--tools", "expenses_list,workspaces_list", "--exclude", "workspaces_list")) as client:
        session = Session(client, token)
        await session.list()
        check(list(session.tools) == ["expenses_list"], "--tools and --exclude choose the tools")
    async with Client(server("--dynamic")) as client:
        await dynamic(Session(client, token))


async def http(url, http_token, operations):
    request = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
    headers = {"Accept": "application/json, text/event-stream", "MCP-Protocol-Version": "2025-06-18"}
    async with httpx2.AsyncClient() as raw:
        for given in ({}, {"Authorization": "Bearer not-the-token"}):
            answer = await raw.post(url, json=request, headers={**headers, **given})
            check(answer.status_code == 401, f"the HTTP transport refuses {given or 'no token'}",
                  answer.status_code)
    http_client = create_mcp_http_client(headers={"Authorization": f"Bearer {http_token}"})
    async with Client(streamable_http_client(url, http_client=http_client)) as client:
        session = Session(client, None)
        tools = await session.list()
        check(len(tools) == operations, "over HTTP with the token: every tool", len(tools))
        result = await session.call("expenses_list", {"workspace_id": 1})
        check_structured(session, "expenses_list", result)


async def schemas(binary):
    def server(*flags):
        return StdioServerParameters(command=binary, args=["--base-url", "http://127.0.0.1:9", "mcp", *flags])

    for flags in ((), ("--read-only",), ("--dynamic",)):
        async with Client(server(*flags)) as client:
            session = Session(client, None)
            tools = await session.list()
            check_schemas(tools)
            if flags:
                continue
            for tool in tools:
                if tool.input_schema.get("required"):
                    result = await session.call(tool.name, {})
                    if not result.is_error:
                        raise AssertionError(f"{tool.name} without its required arguments succeeds")
            check(True, f"each tool called without its required arguments is an error result ({' '.join(flags) or 'all'})")


def main():
    mode, *rest = sys.argv[1:]
    if mode == "schemas":
        asyncio.run(schemas(*rest))
    elif mode == "stdio":
        binary, base_url, token, operations = rest
        asyncio.run(stdio(binary, base_url, token, int(operations)))
    else:
        url, http_token, operations = rest
        asyncio.run(http(url, http_token, int(operations)))


if __name__ == "__main__":
    main()
