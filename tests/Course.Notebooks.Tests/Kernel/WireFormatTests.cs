using System.Text;
using System.Text.Json.Nodes;
using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Kernel;

public class WireFormatTests
{
    private static JupyterMessage Request(string code) =>
        JupyterMessage.Create("session-1", "execute_request", new JsonObject { ["code"] = code }) with { Identities = ["client-a"u8.ToArray(), "client-b"u8.ToArray()] };

    private static List<byte[]> Frames(params string[] frames) => frames.Select(Encoding.UTF8.GetBytes).ToList();

    [Fact]
    public void SerializedMessageParsesBackWithItsIdentitiesAndContent()
    {
        var signer = new MessageSigner("k");
        var frames = WireFormat.Serialize(Request("1+1"), signer);
        var parsed = WireFormat.Parse(frames, new MessageSigner("k"), out var rejection);
        Assert.Null(rejection);
        Assert.NotNull(parsed);
        Assert.Equal(["client-a", "client-b"], parsed.Identities.Select(Encoding.UTF8.GetString));
        Assert.Equal("execute_request", parsed.MessageType);
        Assert.Equal("1+1", parsed.Content["code"]!.GetValue<string>());
        Assert.Equal("5.3", parsed.Header["version"]!.GetValue<string>());
    }

    [Fact]
    public void SerializeWritesDelimiterSignatureAndFourJsonFrames()
    {
        var frames = WireFormat.Serialize(Request("x"), new MessageSigner("k"));
        Assert.Equal(8, frames.Count);
        Assert.Equal("<IDS|MSG>", Encoding.UTF8.GetString(frames[2]));
        Assert.Matches("^[0-9a-f]{64}$", Encoding.UTF8.GetString(frames[3]));
    }

    [Fact]
    public void ReplyCarriesTheRequestHeaderAsParentAndItsIdentities()
    {
        var request = Request("1");
        var reply = JupyterMessage.Create("kernel", "execute_reply", new JsonObject(), request);
        Assert.Equal(request.MessageId, reply.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal(request.Identities, reply.Identities);
        Assert.NotEqual(request.MessageId, reply.MessageId);
    }

    [Theory]
    [InlineData("no delimiter")]
    [InlineData("too few frames")]
    [InlineData("malformed JSON")]
    [InlineData("header without msg_type")]
    public void ParseDropsBrokenFramesWithAReason(string broken)
    {
        var signer = new MessageSigner("k");
        List<byte[]> frames = broken switch
        {
            "no delimiter" => Frames("id", "sig", "{}", "{}", "{}", "{}"),
            "too few frames" => Frames("<IDS|MSG>", "sig", "{}"),
            "malformed JSON" => Signed(signer, "{", "{}", "{}", "{}"),
            _ => Signed(signer, "{}", "{}", "{}", "{}"),
        };
        Assert.Null(WireFormat.Parse(frames, signer, out var rejection));
        Assert.False(string.IsNullOrEmpty(rejection));
    }

    [Fact]
    public void ParseDropsAMessageSignedWithAnotherKey()
    {
        var frames = WireFormat.Serialize(Request("File.Delete(\"x\")"), new MessageSigner("attacker"));
        Assert.Null(WireFormat.Parse(frames, new MessageSigner("k"), out var rejection));
        Assert.Equal("bad signature", rejection);
    }

    [Fact]
    public void ParseDropsAnUnsignedMessage()
    {
        var frames = WireFormat.Serialize(Request("1"), new MessageSigner("k"));
        frames[3] = [];
        Assert.Null(WireFormat.Parse(frames, new MessageSigner("k"), out var rejection));
        Assert.Equal("unsigned message", rejection);
    }

    [Fact]
    public void ParseDropsAMessageOverTheSizeLimitBeforeCheckingOrParsingIt()
    {
        var signer = new MessageSigner("k");
        var frames = WireFormat.Serialize(Request("// " + new string('x', WireFormat.MaxMessageBytes)), signer);
        Assert.Null(WireFormat.Parse(frames, signer, out var rejection));
        Assert.EndsWith($"bytes, over the {WireFormat.MaxMessageBytes}-byte limit", rejection);
    }

    [Fact]
    public void ParseDropsAHeaderWhoseMessageTypeIsNotAString()
    {
        var signer = new MessageSigner("k");
        Assert.Null(WireFormat.Parse(Signed(signer, """{"msg_type": 7}""", "{}", "{}", "{}"), signer, out var rejection));
        Assert.Equal("header has no msg_type string", rejection);
    }

    private static List<byte[]> Signed(MessageSigner signer, string header, string parent, string metadata, string content)
    {
        var parts = Frames(header, parent, metadata, content);
        return [WireFormat.Delimiter, Encoding.ASCII.GetBytes(signer.Sign(parts[0], parts[1], parts[2], parts[3])), .. parts];
    }
}
