#ifndef SYLLABUS_RENAME_EXCHANGE_H
#define SYLLABUS_RENAME_EXCHANGE_H

/// Atomically exchanges the directory entries `from` and `to` (both must
/// exist): Linux's renameat2(RENAME_EXCHANGE), macOS's renamex_np(RENAME_SWAP).
/// Returns 0, or -1 with errno set; errno is ENOSYS where the platform has no
/// exchange and EINVAL where the file system does not support it.
///
/// A C function because Swift's Glibc module does not declare renameat2 (it is
/// behind _GNU_SOURCE), and it calls the system call directly so that a glibc
/// older than 2.28, which lacks the wrapper, works as well.
int syllabus_rename_exchange(const char *from, const char *to);

#endif
