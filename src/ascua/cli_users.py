"""``ascua users …`` and ``ascua tokens …``: the accounts of the dashboard and the API (docs/access.md).

Registered on the ``ascua`` app by :mod:`ascua.cli`.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ascua.cli import EXIT_USAGE, WorkspaceOption, _, _workspace, app, err, errors_for_people, fail, out

users_app = typer.Typer(help="Accounts of the dashboard and the API, with their role (docs/access.md).",
                        no_args_is_help=True)  # fmt: skip
tokens_app = typer.Typer(help="API tokens: read or write, per account, revocable (docs/access.md).",
                         no_args_is_help=True)  # fmt: skip
app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")

NameArgument = Annotated[str, typer.Argument(help="The account's name (what the person logs in with).")]
RoleOption = Annotated[str, typer.Option("--role", help="viewer, analyst, spokesperson or admin.")]
StdinOption = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input (for scripts).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@contextmanager
def _engine(workspace: Path) -> Iterator[Any]:
    from ascua.accounts import AccountError
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar:
            try:
                yield radar.database.engine
            except AccountError as error:
                fail(str(error), EXIT_USAGE)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        fail(_("give the password on a terminal, or with --password-stdin"), EXIT_USAGE)
    first = getpass.getpass(_("Password (at least 10 characters): "))
    if getpass.getpass(_("The password again: ")) != first:
        fail(_("the two passwords differ"), EXIT_USAGE)
    return first


@users_app.command("add")
def users_add(
    name: NameArgument,
    role: RoleOption = "viewer",
    display_name: Annotated[
        str | None, typer.Option("--display-name", help="The name the timeline shows (default: the account's).")
    ] = None,
    password_stdin: StdinOption = False,
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Add an account (the first one is the workspace's first admin: --role admin). There is no default password."""
    from ascua.accounts import add_account, check_role

    with errors_for_people():
        try:
            check_role(role)
        except ValueError as error:
            fail(str(error), EXIT_USAGE)
    password = _password(password_stdin)
    with _engine(workspace) as engine:
        person = add_account(engine, name, password, role, display_name)
    out.print(_("Account {name} ({role}) created.").format(name=person.name, role=person.role))


@users_app.command("list")
def users_list(workspace: WorkspaceOption = Path("."), as_json: JsonOption = False) -> None:
    """Every account, its role and its last login."""
    from ascua.accounts import accounts

    with _engine(workspace) as engine:
        people = accounts(engine)
    if as_json:
        out.print_json(json.dumps([{"name": p.name, "display_name": p.display_name, "role": p.role,
                                    "disabled": p.disabled, "created_at": p.created_at.isoformat(),
                                    "last_login_at": p.last_login_at.isoformat() if p.last_login_at else None}
                                   for p in people], ensure_ascii=False))  # fmt: skip
        return
    if not people:
        out.print(_("No accounts yet: 'ascua users add NAME --role admin' creates the first admin."))
        return
    table = Table(_("name"), _("shown as"), _("role"), _("last login"), _("state"), box=None)
    for p in people:
        last = f"{p.last_login_at:%Y-%m-%d %H:%M} UTC" if p.last_login_at else "—"
        table.add_row(p.name, p.display_name, p.role, last, _("disabled") if p.disabled else _("active"))
    out.print(table)


@users_app.command("role")
def users_role(name: NameArgument, role: Annotated[str, typer.Argument(help="The new role.")],
               workspace: WorkspaceOption = Path(".")) -> None:  # fmt: skip
    """Change an account's role (the last admin stays admin)."""
    from ascua.accounts import set_role

    with _engine(workspace) as engine:
        person = set_role(engine, name, role)
    out.print(_("{name} is now {role}.").format(name=person.name, role=person.role))


@users_app.command("password")
def users_password(name: NameArgument, password_stdin: StdinOption = False,
                   workspace: WorkspaceOption = Path(".")) -> None:  # fmt: skip
    """Set a new password for an account; its open sessions end."""
    from ascua.accounts import get_account, set_password

    with _engine(workspace) as engine:
        get_account(engine, name)
        set_password(engine, name, _password(password_stdin))
    out.print(_("New password set for {name}; their sessions ended.").format(name=name))


@users_app.command("disable")
def users_disable(name: NameArgument, workspace: WorkspaceOption = Path(".")) -> None:
    """Disable an account: its sessions end and its tokens stop working (the timeline keeps its name)."""
    from ascua.accounts import set_disabled

    with _engine(workspace) as engine:
        set_disabled(engine, name, True)
    out.print(_("{name} is disabled.").format(name=name))


@users_app.command("enable")
def users_enable(name: NameArgument, workspace: WorkspaceOption = Path(".")) -> None:
    """Enable a disabled account again."""
    from ascua.accounts import set_disabled

    with _engine(workspace) as engine:
        set_disabled(engine, name, False)
    out.print(_("{name} is enabled.").format(name=name))


@tokens_app.command("add")
def tokens_add(
    user: Annotated[str, typer.Option("--user", help="The account the token acts as.")],
    name: Annotated[str, typer.Option("--name", help="What the token is for (a script, n8n, …).")] = "token",
    scope: Annotated[
        str,
        typer.Option(
            "--scope", help="read (reads only), write (also acts, within the role) or ingest (only sends mentions)."
        ),
    ] = "read",
    workspace: WorkspaceOption = Path("."),
) -> None:  # fmt: skip
    """Make an API token; its secret is printed once, on standard output."""
    from ascua.accounts import create_token

    with _engine(workspace) as engine:
        token, secret = create_token(engine, user, name, scope)
    err.print(Text(_("API token #{id} ({scope}) for {user}; keep it secret, it is not shown again:").format(
        id=token.id, scope=token.scope, user=token.account), style="dim"))  # fmt: skip
    print(secret)  # the one place the secret is given: on stdout, for scripts


@tokens_app.command("list")
def tokens_list(
    user: Annotated[str | None, typer.Option("--user", help="Only this account's tokens.")] = None,
    workspace: WorkspaceOption = Path("."),
    as_json: JsonOption = False,
) -> None:
    """The API tokens (never their secrets): account, scope, last use, revoked or not."""
    from ascua.accounts import tokens

    with _engine(workspace) as engine:
        found = tokens(engine, user)
    if as_json:
        out.print_json(json.dumps([{"id": t.id, "user": t.account, "name": t.name, "scope": t.scope,
                                    "prefix": t.prefix, "created_at": t.created_at.isoformat(),
                                    "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                                    "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None}
                                   for t in found]))  # fmt: skip
        return
    table = Table("#", _("user"), _("name"), _("scope"), _("starts with"), _("last used"), _("state"), box=None)
    for t in found:
        last = f"{t.last_used_at:%Y-%m-%d %H:%M} UTC" if t.last_used_at else "—"
        table.add_row(str(t.id), t.account, t.name, t.scope, t.prefix + "…", last,
                      _("revoked") if t.revoked_at else _("active"))  # fmt: skip
    out.print(table if found else _("No API tokens."))


@tokens_app.command("revoke")
def tokens_revoke(token_id: Annotated[int, typer.Argument(help="The token's number (ascua tokens list).")],
                  workspace: WorkspaceOption = Path(".")) -> None:  # fmt: skip
    """Revoke an API token: it stops working at once."""
    from ascua.accounts import revoke_token

    with _engine(workspace) as engine:
        revoke_token(engine, token_id)
    out.print(_("API token #{id} revoked.").format(id=token_id))
