#include "core/Ed25519PrivateKey.h"

#include "core/OpenSslHandles.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <stdexcept>

namespace countersign::core {

namespace {
constexpr uint64_t kScryptN = 16384;
constexpr uint64_t kScryptR = 8;
constexpr uint64_t kScryptP = 1;
constexpr int kSaltBytes = 16;
} // namespace

struct Ed25519PrivateKey::Private
{
    ossl::PKey pkey;
    Ed25519PublicKey pub;

    void derivePublic()
    {
        QByteArray raw(32, Qt::Uninitialized);
        size_t length = size_t(raw.size());
        if (EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char *>(raw.data()), &length) == 1)
            pub = Ed25519PublicKey::fromRaw(raw).value_or(Ed25519PublicKey());
    }
};

Ed25519PrivateKey::Ed25519PrivateKey()
    : d(std::make_unique<Private>())
{ }

Ed25519PrivateKey::~Ed25519PrivateKey() = default;
Ed25519PrivateKey::Ed25519PrivateKey(Ed25519PrivateKey &&) noexcept = default;
Ed25519PrivateKey &Ed25519PrivateKey::operator=(Ed25519PrivateKey &&) noexcept = default;

Ed25519PrivateKey Ed25519PrivateKey::generate()
{
    Ed25519PrivateKey key;
    ossl::PKeyCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        throw std::runtime_error(ossl::lastError());
    key.d->pkey.reset(raw);
    key.d->derivePublic();
    return key;
}

std::optional<Ed25519PrivateKey> Ed25519PrivateKey::fromSeed(const SecureBytes &seed)
{
    if (seed.size() != 32)
        return std::nullopt;
    Ed25519PrivateKey key;
    key.d->pkey.reset(EVP_PKEY_new_raw_private_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(seed.data()), size_t(seed.size())));
    if (!key.d->pkey)
        return std::nullopt;
    key.d->derivePublic();
    return key;
}

QByteArray Ed25519PrivateKey::toEncryptedPem(const SecureBytes &passphrase) const
{
    if (isNull())
        return {};
    ossl::P8Info p8(EVP_PKEY2PKCS8(d->pkey.get()));
    ossl::Algor pbe(
        PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), nullptr, kSaltBytes, nullptr, kScryptN, kScryptR, kScryptP));
    if (!p8 || !pbe)
        throw std::runtime_error(ossl::lastError());
    ossl::Sig encrypted(PKCS8_set0_pbe(passphrase.data(), int(passphrase.size()), p8.get(), pbe.get()));
    if (!encrypted)
        throw std::runtime_error(ossl::lastError());
    (void)pbe.release(); // now owned by `encrypted`
    ossl::Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PKCS8(bio.get(), encrypted.get()) != 1)
        throw std::runtime_error(ossl::lastError());
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

std::optional<Ed25519PrivateKey> Ed25519PrivateKey::fromEncryptedPem(QByteArrayView pem, const SecureBytes &passphrase,
                                                                     QString *error)
{
    auto setError = [error](const QString &message) {
        if (error)
            *error = message;
        ERR_clear_error();
    };
    ossl::Bio bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    ossl::Sig encrypted(bio ? PEM_read_bio_PKCS8(bio.get(), nullptr, ossl::refusePemPassword, nullptr) : nullptr);
    if (!encrypted) {
        setError(QStringLiteral("not a passphrase-encrypted PKCS#8 key (file truncated or corrupted?)"));
        return std::nullopt;
    }
    ossl::P8Info p8(PKCS8_decrypt(encrypted.get(), passphrase.data(), int(passphrase.size())));
    if (!p8) {
        setError(QStringLiteral("wrong passphrase, or the key file is corrupted"));
        return std::nullopt;
    }
    Ed25519PrivateKey key;
    key.d->pkey.reset(EVP_PKCS82PKEY(p8.get()));
    if (!key.d->pkey) {
        setError(QStringLiteral("wrong passphrase, or the key file is corrupted"));
        return std::nullopt;
    }
    if (EVP_PKEY_get_id(key.d->pkey.get()) != EVP_PKEY_ED25519) {
        setError(QStringLiteral("the key file holds a key that is not Ed25519"));
        return std::nullopt;
    }
    key.d->derivePublic();
    return key;
}

bool Ed25519PrivateKey::isNull() const
{
    return !d || !d->pkey;
}

void Ed25519PrivateKey::clear()
{
    if (d) {
        d->pkey.reset(); // OpenSSL cleanses Ed25519 private key material on free
        d->pub = Ed25519PublicKey();
    }
}

Ed25519PublicKey Ed25519PrivateKey::publicKey() const
{
    return d ? d->pub : Ed25519PublicKey();
}

QByteArray Ed25519PrivateKey::sign(QByteArrayView message) const
{
    if (isNull())
        return {};
    ossl::MdCtx ctx(EVP_MD_CTX_new());
    QByteArray signature(64, Qt::Uninitialized);
    size_t length = size_t(signature.size());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, d->pkey.get()) != 1
        || EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                          reinterpret_cast<const unsigned char *>(message.data()), size_t(message.size()))
            != 1)
        throw std::runtime_error(ossl::lastError());
    return signature;
}

} // namespace countersign::core
