#include "core/TlsIdentity.h"

#include "core/OpenSslHandles.h"
#include "core/Sha256.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace countersign::core {

namespace {

using X509Ptr = std::unique_ptr<X509, ossl::Deleter<X509, X509_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, ossl::Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(length));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

} // namespace

std::optional<TlsIdentity> TlsIdentity::generateSelfSigned(const QString &commonName, const QStringList &dnsNames,
                                                           const QStringList &ipAddresses, int validDays,
                                                           QString *error)
{
    auto fail = [error](const char *what) -> std::optional<TlsIdentity> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QLatin1StringView(what), QString::fromLatin1(ossl::lastError()));
        return std::nullopt;
    };
    ossl::PKeyCtx keyCtx(EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nullptr));
    EVP_PKEY *rawKey = nullptr;
    if (!keyCtx || EVP_PKEY_keygen_init(keyCtx.get()) != 1
        || EVP_PKEY_CTX_set_ec_paramgen_curve_nid(keyCtx.get(), NID_X9_62_prime256v1) != 1
        || EVP_PKEY_keygen(keyCtx.get(), &rawKey) != 1)
        return fail("cannot generate the TLS key");
    const ossl::PKey key(rawKey);

    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return fail("cannot create the certificate");
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return fail("no randomness");
    serial[0] &= 0x7F; // a positive serial number
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    ASN1_INTEGER *asn1Serial = bn ? BN_to_ASN1_INTEGER(bn, nullptr) : nullptr;
    BN_free(bn);
    if (!asn1Serial || X509_set_serialNumber(cert.get(), asn1Serial) != 1) {
        ASN1_INTEGER_free(asn1Serial);
        return fail("cannot set the serial number");
    }
    ASN1_INTEGER_free(asn1Serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(validDays) * 24 * 60 * 60);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Countersign broker"),
                               -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_set_pubkey(cert.get(), key.get());

    QStringList sans;
    for (const QString &dns : dnsNames)
        sans.append(QStringLiteral("DNS:") + dns);
    for (const QString &ip : ipAddresses)
        sans.append(QStringLiteral("IP:") + ip);
    if (!addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash")
        || (!sans.isEmpty() && !addExtension(cert.get(), NID_subject_alt_name, sans.join(QLatin1Char(',')).toUtf8())))
        return fail("cannot add certificate extensions");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return fail("cannot sign the certificate");

    ossl::Bio certBio(BIO_new(BIO_s_mem()));
    ossl::Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail("cannot encode the TLS identity");
    TlsIdentity identity;
    identity.certificatePem = bioContents(certBio.get());
    identity.privateKeyPem = bioContents(keyBio.get());
    return identity;
}

QString TlsIdentity::fingerprintSha256(const QByteArray &certificatePem)
{
    ossl::Bio bio(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    X509Ptr cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!cert) {
        ERR_clear_error();
        return {};
    }
    unsigned char *der = nullptr;
    const int length = i2d_X509(cert.get(), &der);
    if (length <= 0)
        return {};
    const QByteArray digest = Sha256::hash(QByteArrayView(reinterpret_cast<const char *>(der), length));
    OPENSSL_free(der);
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

} // namespace countersign::core
