using System.Text.Json.Nodes;
using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Kernel;

public class ConnectionInfoTests
{
    private static JsonObject File(string ip = "127.0.0.1", string key = "abc", string transport = "tcp", string scheme = "hmac-sha256") => new()
    {
        ["ip"] = ip, ["key"] = key, ["transport"] = transport, ["signature_scheme"] = scheme,
        ["shell_port"] = 5001, ["control_port"] = 5002, ["iopub_port"] = 5003, ["stdin_port"] = 5004, ["hb_port"] = 5005,
    };

    [Fact]
    public void ParseReadsPortsAndEndpoints()
    {
        var info = ConnectionInfo.Parse(File(), "test.json");
        Assert.Equal("tcp://127.0.0.1:5001", info.Endpoint(info.ShellPort));
        Assert.Equal(5005, info.HeartbeatPort);
        Assert.True(info.IsLoopback);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("localhost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.168.1.5", false)]
    public void IsLoopbackOnlyForLoopbackAddresses(string ip, bool loopback) =>
        Assert.Equal(loopback, ConnectionInfo.Parse(File(ip: ip), "t").IsLoopback);

    [Theory]
    [InlineData("", "tcp", "hmac-sha256", "empty \"key\"")]
    [InlineData("abc", "ipc", "hmac-sha256", "transport \"ipc\"")]
    [InlineData("abc", "tcp", "hmac-md5", "signature_scheme \"hmac-md5\"")]
    public void ParseRefusesUnsignedOrUnsupportedConnections(string key, string transport, string scheme, string expected) =>
        Assert.Contains(expected, Assert.Throws<KernelException>(() => ConnectionInfo.Parse(File(key: key, transport: transport, scheme: scheme), "t")).Message);

    [Fact]
    public void LoadNamesAMissingFile() =>
        Assert.Contains("does not exist", Assert.Throws<KernelException>(() => ConnectionInfo.Load("/no/such/kernel-1.json")).Message);
}
