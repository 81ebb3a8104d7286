using System.Net;
using System.Net.Sockets;

namespace Course.Notebooks.Tests.Support;

/// <summary>Loopback TCP ports free at the moment of asking, for kernels started by tests.</summary>
public static class FreePorts
{
    /// <summary><paramref name="count"/> ports, each just bound and released by the system.</summary>
    public static int[] Take(int count) => Enumerable.Range(0, count).Select(_ => One()).ToArray();

    private static int One()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
