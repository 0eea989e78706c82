using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Federation.Tests;

/// <summary>
/// What the centre's operator gets from a certificate authority, made on the spot: a CA, and the centre broker's server
/// certificate for <see cref="CentreHost"/> signed by it, as PEM files (the CA file is what a province's shovel trusts).
/// </summary>
internal sealed record Certificates(string CaFile, string CertificateFile, string KeyFile)
{
    public const string CentreHost = "amqp.trungtam.federation.test";

    public static Certificates Write(string directory)
    {
        Directory.CreateDirectory(directory);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Platform federation test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest($"CN={CentreHost}", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(CentreHost);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = serverRequest.Create(ca, now.AddDays(-1), now.AddMonths(6), RandomNumberGenerator.GetBytes(16));

        var files = new Certificates(Path.Combine(directory, "ca.pem"), Path.Combine(directory, "centre.pem"), Path.Combine(directory, "centre.key"));
        File.WriteAllText(files.CaFile, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(files.CertificateFile, server.ExportCertificatePem() + "\n");
        File.WriteAllText(files.KeyFile, serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        return files;
    }
}
