using System.Text;
using Course.Notebooks.Kernel;

namespace Course.Notebooks.Tests.Kernel;

public class MessageSignerTests
{
    private static readonly byte[] Header = """{"msg_type":"kernel_info_request"}"""u8.ToArray();
    private static readonly byte[] Empty = "{}"u8.ToArray();

    // Python: hmac.new(b"secret-key", header + b"{}" * 3, hashlib.sha256).hexdigest()
    private const string PythonSignature = "d17a518f90349ab4b45de23230479bdf374054dd63a38de80b2e81572e765d0f";

    [Fact]
    public void SignMatchesPythonsHmacOfTheFourFrames() =>
        Assert.Equal(PythonSignature, new MessageSigner("secret-key").Sign(Header, Empty, Empty, Empty));

    [Fact]
    public void CheckAcceptsTheRightSignature() =>
        Assert.Null(new MessageSigner("secret-key").Check(Encoding.ASCII.GetBytes(PythonSignature), Header, Empty, Empty, Empty));

    [Fact]
    public void CheckAcceptsUpperCaseHex() =>
        Assert.Null(new MessageSigner("secret-key").Check(Encoding.ASCII.GetBytes(PythonSignature.ToUpperInvariant()), Header, Empty, Empty, Empty));

    [Theory]
    [InlineData("", "unsigned message")]
    [InlineData("00", "bad signature")]
    [InlineData("not hex at all", "bad signature")]
    [InlineData("e17a518f90349ab4b45de23230479bdf374054dd63a38de80b2e81572e765d0f", "bad signature")]
    public void CheckRejectsMissingOrWrongSignatures(string signature, string reason) =>
        Assert.Equal(reason, new MessageSigner("secret-key").Check(Encoding.ASCII.GetBytes(signature), Header, Empty, Empty, Empty));

    [Fact]
    public void CheckRejectsASignatureMadeWithAnotherKey()
    {
        var forged = new MessageSigner("other-key").Sign(Header, Empty, Empty, Empty);
        Assert.Equal("bad signature", new MessageSigner("secret-key").Check(Encoding.ASCII.GetBytes(forged), Header, Empty, Empty, Empty));
    }

    [Fact]
    public void CheckRejectsTamperedContent()
    {
        var content = """{"code":"1+1"}"""u8.ToArray();
        var signature = new MessageSigner("secret-key").Sign(Header, Empty, Empty, content);
        var tampered = """{"code":"2+2"}"""u8.ToArray();
        Assert.Equal("bad signature", new MessageSigner("secret-key").Check(Encoding.ASCII.GetBytes(signature), Header, Empty, Empty, tampered));
    }

    [Fact]
    public void CheckRejectsAReplayedMessage()
    {
        var signer = new MessageSigner("secret-key");
        var signature = Encoding.ASCII.GetBytes(PythonSignature);
        Assert.Null(signer.Check(signature, Header, Empty, Empty, Empty));
        Assert.Equal("replayed signature", signer.Check(signature, Header, Empty, Empty, Empty));
    }
}
