package io.doorman.email.smtp;

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

  /** Sends one letter; throws {@link SmtpException} when the server refuses or can't be reached. */
  public void send(Letter letter) {
    try {
      MimeMessage m = new MimeMessage(session);
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
      throw new SmtpException("cannot send to " + letter.to() + " via " + settings.host() + ": " + e.getMessage(), e);
    }
  }

  /** Header text from user data: no line breaks, so nothing can be injected. */
  static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }
}
