/**
 * The version `clickatell --version` prints: the package's (a test holds it equal to package.json's).
 *
 * @since 0.1.0
 */

/**
 * The package version.
 *
 * @category data
 * @since 0.1.0
 */
export const VERSION = '0.1.0'
