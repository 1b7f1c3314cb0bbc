using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Protocols.Ami.Client;

/// <summary>Builds the login actions for both authentication modes.</summary>
public static class AmiLogin
{
    public static AmiAction Challenge() => new AmiAction("Challenge").Add("AuthType", "MD5");

    public static AmiAction Plain(AmiClientOptions options) =>
        new AmiAction("Login").Add("Username", options.Username).Add("Secret", options.Secret).AddIfSet("Events", options.Events);

    public static AmiAction Md5(AmiClientOptions options, string challenge) =>
        new AmiAction("Login")
            .Add("AuthType", "MD5")
            .Add("Username", options.Username)
            .Add("Key", Md5Key(challenge, options.Secret))
            .AddIfSet("Events", options.Events);

    /// <summary>Asterisk's key: the lowercase hex MD5 of the challenge followed by the secret.</summary>
#pragma warning disable CA5351 // MD5 is what the AMI challenge protocol specifies; it is not our choice of hash.
    public static string Md5Key(string challenge, string secret) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(challenge + secret)));
#pragma warning restore CA5351
}
