#pragma once
// Result<T>: a value or an Error (a small std::expected for C++20). Public engine and model calls return it.

#include "error.h"

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace scr {

template <typename T> class [[nodiscard]] Result
{
public:
    Result(const T &value) : m_value(value) {}
    Result(T &&value) : m_value(std::move(value)) {}
    Result(const Error &error) : m_value(error) {}
    Result(Error &&error) : m_value(std::move(error)) {}

    bool hasValue() const { return m_value.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() &
    {
        assert(hasValue());
        return std::get<0>(m_value);
    }
    const T &value() const &
    {
        assert(hasValue());
        return std::get<0>(m_value);
    }
    // By value on a temporary, so "for (auto &x : *call())" cannot dangle.
    T value() &&
    {
        assert(hasValue());
        return std::get<0>(std::move(m_value));
    }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const
    {
        assert(!hasValue());
        return std::get<1>(m_value);
    }

private:
    std::variant<T, Error> m_value;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : m_error(error) {}
    Result(Error &&error) : m_error(std::move(error)) {}

    bool hasValue() const { return !m_error.has_value(); }
    explicit operator bool() const { return hasValue(); }
    const Error &error() const
    {
        assert(m_error);
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace scr

// Early return of the error of a Result-returning expression. __COUNTER__ gives every expansion its own
// name, so a SCR_TRY inside a lambda inside another SCR_TRY does not shadow it.
#define SCR_TRY_CONCAT_(a, b) a##b
#define SCR_TRY_NAME_(n) SCR_TRY_CONCAT_(scrTryResult_, n)
#define SCR_TRY_IMPL_(expr, name)                                                                            \
    do {                                                                                                     \
        auto name = (expr);                                                                                  \
        if (!name)                                                                                           \
            return name.error();                                                                             \
    } while (false)
#define SCR_TRY(expr) SCR_TRY_IMPL_(expr, SCR_TRY_NAME_(__COUNTER__))
