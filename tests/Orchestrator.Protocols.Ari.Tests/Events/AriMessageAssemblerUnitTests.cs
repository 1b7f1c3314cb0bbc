using System.Text;
using Orchestrator.Protocols.Ari.Events;

namespace Orchestrator.Protocols.Ari.Tests.Events;

public sealed class AriMessageAssemblerUnitTests
{
    [Fact]
    public void Append_JoinsFragmentsIntoOneMessage()
    {
        var assembler = new AriMessageAssembler(1024);
        Assert.Equal(AriAssembleStatus.Incomplete, assembler.Append("{\"type\":"u8, false, out _));
        Assert.Equal(AriAssembleStatus.Incomplete, assembler.Append("\"Dial\""u8, false, out _));
        Assert.Equal(AriAssembleStatus.Complete, assembler.Append("}"u8, true, out var message));
        Assert.Equal("{\"type\":\"Dial\"}", Encoding.UTF8.GetString(message));

        Assert.Equal(AriAssembleStatus.Complete, assembler.Append("{}"u8, true, out message));
        Assert.Equal("{}", Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void Append_OversizedMessage_IsDiscardedAndReportedOnce_ThenTheNextMessageIsWhole()
    {
        var assembler = new AriMessageAssembler(1024);
        var chunk = new byte[600];
        Assert.Equal(AriAssembleStatus.Incomplete, assembler.Append(chunk, false, out _));
        Assert.Equal(AriAssembleStatus.Incomplete, assembler.Append(chunk, false, out _));
        Assert.Equal(AriAssembleStatus.TooLarge, assembler.Append(chunk, true, out _));
        Assert.Equal(1800, assembler.LastDiscardedLength);

        Assert.Equal(AriAssembleStatus.Incomplete, assembler.Append("{\"a\":"u8, false, out _));
        Assert.Equal(AriAssembleStatus.Complete, assembler.Append("1}"u8, true, out var message));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void Append_OversizedSingleFragment_IsTooLarge()
    {
        var assembler = new AriMessageAssembler(1024);
        Assert.Equal(AriAssembleStatus.TooLarge, assembler.Append(new byte[2048], true, out _));
        Assert.Equal(2048, assembler.LastDiscardedLength);
    }
}
