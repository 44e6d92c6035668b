"""Outgoing e-mail through the district's SMTP server, with Python's own smtplib.

Without SMTP_HOST (development) messages are written to the log instead. Sending never
raises: each message gets None (sent) or a short reason a person can act on.
"""

import smtplib
import socket
import ssl
from email.message import EmailMessage

from flask import current_app


def configured() -> bool:
    return bool(current_app.config.get("SMTP_HOST"))


def plain_message(to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["SMTP_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)  # text/plain; UTF-8
    return message


def log_instead(message: EmailMessage) -> None:
    current_app.logger.warning(
        "E-mail not sent (SMTP_HOST is not set).\nTo: %s\nSubject: %s\n\n%s",
        message["To"],
        message["Subject"],
        message.get_content(),
    )


def reason(error: Exception) -> str:
    """What went wrong, in words an administrator can pass to whoever runs the mail server."""
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return "the mail server does not offer STARTTLS or sign-in (check SMTP_STARTTLS, SMTP_USER)"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "the mail server refused Tandem's user name or password"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "the mail server refused this address"
    if isinstance(error, smtplib.SMTPSenderRefused):
        return "the mail server refused the sender address (SMTP_FROM)"
    if isinstance(error, ConnectionRefusedError):
        return "the mail server refused the connection"
    if isinstance(error, (socket.timeout, TimeoutError)) or "timed out" in str(error):
        return "the mail server did not answer in time"
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "the mail server closed the connection"
    if isinstance(error, socket.gaierror):
        return "the mail server's name (SMTP_HOST) could not be found"
    if isinstance(error, ssl.SSLError):
        return "a secure connection to the mail server failed"
    if isinstance(error, smtplib.SMTPResponseException):
        detail = error.smtp_error.decode(errors="replace") if error.smtp_error else ""
        return f"the mail server answered {error.smtp_code} {detail}".strip()[:200]
    return f"the mail server could not be reached ({type(error).__name__})"


def _connect() -> smtplib.SMTP:
    config = current_app.config
    smtp = smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=config["SMTP_TIMEOUT"])
    try:
        if config["SMTP_STARTTLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config.get("SMTP_USER"):
            smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


def send(messages: list[EmailMessage]) -> list[str | None]:
    """Send over one connection; for each message None when sent, else why not."""
    outcomes: list[str | None] = []
    try:
        with _connect() as smtp:
            for message in messages:
                try:
                    smtp.send_message(message)
                    outcomes.append(None)
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as error:
                    outcomes.append(reason(error))
    except (OSError, smtplib.SMTPException) as error:
        current_app.logger.warning("E-mail not sent: %s", error)
        outcomes += [reason(error)] * (len(messages) - len(outcomes))
    return outcomes
