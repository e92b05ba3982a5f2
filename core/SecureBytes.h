#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace countersign::core {

// Bytes that hold a secret (a passphrase, a raw key). The buffer is wiped
// with OPENSSL_cleanse when it is cleared or destroyed. It is move-only so that
// a secret is never silently duplicated.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(QByteArrayView bytes);
    ~SecureBytes();
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    // Takes ownership of the bytes and wipes the caller's copy.
    static SecureBytes take(QByteArray &bytes);
    static void wipe(QByteArray &bytes);

    const char *data() const { return m_bytes.constData(); }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    QByteArrayView view() const { return m_bytes; }
    void clear();

private:
    QByteArray m_bytes;
};

} // namespace countersign::core
