#include "core/SecureBytes.h"

#include <openssl/crypto.h>

namespace countersign::core {

SecureBytes::SecureBytes(QByteArrayView bytes)
    : m_bytes(bytes.data(), bytes.size())
{ }

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes = QByteArray();
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

SecureBytes SecureBytes::take(QByteArray &bytes)
{
    SecureBytes secure(bytes);
    wipe(bytes);
    return secure;
}

void SecureBytes::wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach(); // never scribble over a buffer another QByteArray shares
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

void SecureBytes::clear()
{
    wipe(m_bytes);
}

} // namespace countersign::core
