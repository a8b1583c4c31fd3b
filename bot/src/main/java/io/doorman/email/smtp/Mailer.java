package io.doorman.email.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Sends letters through the configured SMTP server, one connection per letter. */
public final class Mailer {

  private final SmtpSettings settings;
  private final Session session;

  public Mailer(SmtpSettings settings) {
    this.settings = settings;
    String protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put(p + "host", settings.host());
    props.put(p + "port", Integer.toString(settings.port()));
    props.put(p + "connectiontimeout", "30000");
    props.put(p + "timeout", "30000");
    props.put(p + "writetimeout", "30000");
    props.put(p + "auth", Boolean.toString(settings.user().isPresent()));
    if (settings.security() == SmtpSettings.Security.STARTTLS) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    if (settings.security() != SmtpSettings.Security.NONE) {
      props.put(p + "ssl.checkserveridentity", "true");
    }
    this.session = Session.getInstance(props);
  }

  /** Doorman's own address, as configured. */
  public String from() {
    return settings.from();
  }

  /**
   * Sends one letter, its Message-ID made from {@code key} (the same key, the same Message-ID: a
   * receiver can tell a letter sent again); throws {@link SmtpException} when the server refuses
   * or can't be reached, saying whether trying again can help.
   */
  public void send(Letter letter, String key) {
    try {
      MimeMessage m = new KeyedMessage(session, messageId(key));
      m.setFrom(new InternetAddress(settings.from(), "Doorman", StandardCharsets.UTF_8.name()));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(letter.to(), true));
      if (letter.replyTo().isPresent()) {
        m.setReplyTo(InternetAddress.parse(letter.replyTo().get(), true));
      }
      m.setSubject(oneLine(letter.subject()), StandardCharsets.UTF_8.name());
      // RFC 3834: an automatic message; responders and Doorman itself don't answer these.
      m.setHeader("Auto-Submitted", "auto-replied");
      if (letter.html().isPresent()) {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(letter.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(letter.html().get(), StandardCharsets.UTF_8.name(), "html");
        m.setContent(new MimeMultipart("alternative", text, html));
      } else {
        m.setText(letter.text(), StandardCharsets.UTF_8.name());
      }
      m.saveChanges();
      if (settings.user().isPresent()) {
        Transport.send(m, settings.user().get(), settings.password().orElse(""));
      } else {
        Transport.send(m);
      }
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new SmtpException("cannot send to " + letter.to() + " via " + settings.host() + ": " + reason(e), e,
          kindOf(e));
    }
  }

  /** What went wrong, with the server's own replies ("Invalid Addresses: 550 5.1.1 no such user"). */
  static String reason(Exception e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()).strip());
    for (Exception x = e instanceof MessagingException m ? m.getNextException() : null; x != null;
        x = x instanceof MessagingException m ? m.getNextException() : null) {
      String more = String.valueOf(x.getMessage()).strip();
      if (!out.toString().contains(more)) {
        out.append(": ").append(more);
      }
    }
    return out.toString();
  }

  /** A 5xx reply is final, a refused login needs the operator, anything else may pass. */
  static SmtpException.Kind kindOf(Exception e) {
    if (e instanceof AuthenticationFailedException) {
      return SmtpException.Kind.CREDENTIALS;
    }
    for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
      int code = x instanceof SMTPSendFailedException s ? s.getReturnCode()
          : x instanceof SMTPAddressFailedException a ? a.getReturnCode()
          : x instanceof SMTPSenderFailedException f ? f.getReturnCode() : 0;
      if (code == 535 || code == 530) {
        return SmtpException.Kind.CREDENTIALS;
      }
      if (code >= 500) {
        return SmtpException.Kind.PERMANENT;
      }
      if (code >= 400) {
        return SmtpException.Kind.TRANSIENT;
      }
    }
    return SmtpException.Kind.TRANSIENT;
  }

  /** {@code <hex@domain>}: the key's digest at Doorman's own domain. */
  String messageId(String key) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String domain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
      return "<" + java.util.HexFormat.of().formatHex(digest, 0, 16) + ".doorman@" + domain + ">";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A message that keeps the Message-ID it was given when saved (Jakarta Mail would make a new one). */
  private static final class KeyedMessage extends MimeMessage {
    private final String id;

    KeyedMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

  /** Header text from user data: no line breaks, so nothing can be injected. */
  static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }
}
