#include "core/Ed25519PublicKey.h"

#include "core/Base64Url.h"
#include "core/OpenSslHandles.h"
#include "core/Sha256.h"

#include <openssl/err.h>
#include <openssl/pem.h>

namespace countersign::core {

namespace {
constexpr qsizetype kRawSize = 32;
constexpr qsizetype kSignatureSize = 64;

ossl::PKey makeKey(const QByteArray &raw)
{
    return ossl::PKey(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(raw.constData()), size_t(raw.size())));
}
} // namespace

std::optional<Ed25519PublicKey> Ed25519PublicKey::fromRaw(QByteArrayView raw)
{
    if (raw.size() != kRawSize)
        return std::nullopt;
    Ed25519PublicKey key;
    key.m_raw = raw.toByteArray();
    if (!makeKey(key.m_raw))
        return std::nullopt;
    return key;
}

std::optional<Ed25519PublicKey> Ed25519PublicKey::fromPem(QByteArrayView pem, QString *error)
{
    ossl::Bio bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    ossl::PKey pkey(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, ossl::refusePemPassword, nullptr) : nullptr);
    if (!pkey) {
        if (error)
            *error = QStringLiteral("not a PEM public key: %1").arg(QString::fromLatin1(ossl::lastError()));
        return std::nullopt;
    }
    if (EVP_PKEY_get_id(pkey.get()) != EVP_PKEY_ED25519) {
        if (error)
            *error = QStringLiteral("public key is not an Ed25519 key");
        return std::nullopt;
    }
    QByteArray raw(kRawSize, Qt::Uninitialized);
    size_t length = size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char *>(raw.data()), &length) != 1
        || length != size_t(kRawSize)) {
        if (error)
            *error = QStringLiteral("cannot read the raw public key");
        return std::nullopt;
    }
    return fromRaw(raw);
}

std::optional<Ed25519PublicKey> Ed25519PublicKey::fromBase64Url(QByteArrayView text)
{
    const auto raw = Base64Url::decode(text);
    if (!raw)
        return std::nullopt;
    return fromRaw(*raw);
}

QByteArray Ed25519PublicKey::toBase64Url() const
{
    return Base64Url::encode(m_raw);
}

QByteArray Ed25519PublicKey::toPem() const
{
    const ossl::PKey pkey = makeKey(m_raw);
    ossl::Bio bio(BIO_new(BIO_s_mem()));
    if (!pkey || !bio || PEM_write_bio_PUBKEY(bio.get(), pkey.get()) != 1)
        return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

QString Ed25519PublicKey::keyId() const
{
    if (m_raw.isEmpty())
        return {};
    return QStringLiteral("ed25519:") + QString::fromLatin1(Base64Url::encode(Sha256::hash(m_raw)));
}

bool Ed25519PublicKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (m_raw.size() != kRawSize || signature.size() != kSignatureSize)
        return false;
    const ossl::PKey pkey = makeKey(m_raw);
    ossl::MdCtx ctx(EVP_MD_CTX_new());
    if (!pkey || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1)
        return false;
    const int rc = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                                    size_t(signature.size()), reinterpret_cast<const unsigned char *>(message.data()),
                                    size_t(message.size()));
    ERR_clear_error();
    return rc == 1;
}

} // namespace countersign::core
