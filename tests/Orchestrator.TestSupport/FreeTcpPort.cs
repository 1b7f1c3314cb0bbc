using System.Net;
using System.Net.Sockets;

namespace Orchestrator.TestSupport;

/// <summary>Free loopback ports for servers a test starts.</summary>
public static class FreeTcpPort
{
    /// <summary>
    /// Asks the OS for a free port on 127.0.0.1 and releases it at once. Another process may take it before the
    /// caller binds it, so a server that fails to bind should be retried on a new port.
    /// </summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
