package io.doorman.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * GreenMail whose IMAP server sets TCP_NODELAY on its connections, as real servers behave: stock
 * GreenMail writes a response line by line, and with Nagle's algorithm each further line waits for
 * the client's delayed ACK (about 40 ms on Linux), which makes every round trip slow. Its IMAP
 * server is reached by {@link #imapPort()} ({@code getImap()} would not cast).
 */
public final class NoDelayGreenMail extends GreenMail {

  private AbstractServer imap;

  public NoDelayGreenMail(ServerSetup[] setup) {
    super(setup);
  }

  public int imapPort() {
    return imap.getPort();
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers mgr) {
    Map<String, AbstractServer> services = super.createServices(config, mgr);
    AbstractServer stock = services.get(ServerSetup.PROTOCOL_IMAP);
    imap = new AbstractServer(stock.getServerSetup(), mgr) {
      @Override
      protected ProtocolHandler createProtocolHandler(Socket socket) {
        try {
          socket.setTcpNoDelay(true);
        } catch (SocketException e) {
          throw new IllegalStateException(e);
        }
        return new ImapHandler(mgr.getUserManager(), mgr.getImapHostManager(), socket);
      }
    };
    services.put(ServerSetup.PROTOCOL_IMAP, imap);
    return services;
  }
}
