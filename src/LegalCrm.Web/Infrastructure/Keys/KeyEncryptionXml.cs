using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace LegalCrm.Web.Infrastructure.Keys;

/// <summary>Wraps each Data Protection key in the key ring with the current key-encryption key before it is stored.</summary>
public sealed class KeyEncryptionXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    public const string ElementName = "kekEncryptedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var (id, wrapped) = keys.Wrap(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(ElementName,
            new XAttribute("kek", id),
            new XComment(" This key is encrypted with the key-encryption key from the app's configuration. "),
            new XElement("value", wrapped));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionXmlDecryptor));
    }
}

/// <summary>Made by Data Protection by type name (hence the service-provider constructor) when it reads the key ring.</summary>
public sealed class KeyEncryptionXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetRequiredService<KeyEncryptionKeys>();
        var id = (string?)encryptedElement.Attribute("kek") ?? throw new FormatException("The encrypted key names no key-encryption key.");
        var value = (string?)encryptedElement.Element("value") ?? throw new FormatException("The encrypted key has no value.");
        return XElement.Parse(keys.Unwrap(id, value));
    }
}

/// <summary>
/// Moves stored key-ring entries to the current key-encryption key (command <c>keys rewrap</c>), so a retired
/// key-encryption key can be removed from configuration.
/// </summary>
public static class KeyRingRewrap
{
    /// <summary>The entry under the current key, or null when it already is.</summary>
    public static string? Rewrap(string keyXml, KeyEncryptionKeys keys)
    {
        var root = XElement.Parse(keyXml);
        var changed = false;
        foreach (var wrapped in root.Descendants(KeyEncryptionXmlEncryptor.ElementName).ToList())
        {
            if ((string?)wrapped.Attribute("kek") == keys.CurrentId)
            {
                continue;
            }

            var plain = XElement.Parse(keys.Unwrap((string)wrapped.Attribute("kek")!, (string)wrapped.Element("value")!));
            wrapped.ReplaceWith(new KeyEncryptionXmlEncryptor(keys).Encrypt(plain).EncryptedElement);
            changed = true;
        }

        return changed ? root.ToString(SaveOptions.DisableFormatting) : null;
    }
}
