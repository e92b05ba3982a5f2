#include "core/Sha256.h"

#include "core/OpenSslHandles.h"

#include <openssl/err.h>
#include <stdexcept>

namespace countersign::core {

namespace ossl {
const char *lastError()
{
    thread_local char buffer[256];
    const unsigned long code = ERR_get_error();
    if (code == 0)
        return "unknown OpenSSL error";
    ERR_error_string_n(code, buffer, sizeof buffer);
    ERR_clear_error();
    return buffer;
}
} // namespace ossl

namespace {
// Fetched once: OpenSSL 3 otherwise looks the implementation up again on every
// init (EVP_sha256() is an implicit fetch), which costs more than hashing a
// short input. Never freed: it lives as long as the process.
const EVP_MD *sha256()
{
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md ? md : EVP_sha256();
}
} // namespace

struct Sha256::Private
{
    ossl::MdCtx ctx {EVP_MD_CTX_new()};
    void reset()
    {
        if (!ctx || EVP_DigestInit_ex(ctx.get(), sha256(), nullptr) != 1)
            throw std::runtime_error(ossl::lastError());
    }
};

Sha256::Sha256()
    : d(std::make_unique<Private>())
{
    d->reset();
}

Sha256::~Sha256() = default;

void Sha256::add(QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        EVP_DigestUpdate(d->ctx.get(), bytes.data(), size_t(bytes.size()));
}

QByteArray Sha256::finish()
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(d->ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length);
    d->reset();
    return out;
}

QByteArray Sha256::hash(QByteArrayView bytes)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), size_t(bytes.size()), reinterpret_cast<unsigned char *>(out.data()), &length, sha256(),
                   nullptr)
        != 1)
        throw std::runtime_error(ossl::lastError());
    return out;
}

QByteArray Sha256::hex(QByteArrayView bytes)
{
    return hash(bytes).toHex();
}

} // namespace countersign::core
