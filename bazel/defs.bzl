"""Macros that give every Mocktopus workspace project the same Bazel targets.

Each project directory of the pnpm workspace gets:
- `:node_modules`, its npm dependencies as pnpm-lock.yaml resolves them (npm_link_all_packages);
- `:pkg`, its package.json and TypeScript sources: what a sibling package links to, and what
  `@mocktopus/source` resolves into (the tests read siblings from `src/`, never from `dist/`);
- `:test`, its Vitest suite, run from the project directory with the project's vitest.config.ts;
- `:dist`, for published packages, the tsup build that `pnpm build` makes (same tsup.config.ts);
- `:typecheck`, `tsc --noEmit` over tsconfig.json and, where there is one, tsconfig.test.json
  (what `pnpm typecheck` runs);
- `:test_files`, the project directory as the tests see it, for other projects' tests that read
  its fixtures (the e2e suite does).
"""

load("@aspect_rules_js//js:defs.bzl", "js_library")
load("@npm//:defs.bzl", "npm_link_all_packages")
load("@npm//:tsup/package_json.bzl", tsup_bin = "bin")
load("@npm//:typescript/package_json.bzl", typescript_bin = "bin")
load("@npm//:vitest/package_json.bzl", vitest_bin = "bin")

# Files every Vitest run needs from the repository root: the shared compiler options that each
# tsconfig.json extends, and Vitest itself (a root devDependency).
_ROOT_TEST_DATA = [
    "//:tsconfig_base",
    "//:node_modules/@types/node",
    "//:node_modules/tsup",
    "//:node_modules/vitest",
]

# The tests see the project directory as a checkout has it (sources, tests, fixtures,
# templates, scripts), except build output and the files vitest_test adds itself.
_TEST_FILES_EXCLUDE = [
    "BUILD.bazel",
    "dist/**",
    "package.json",
    "tsconfig.json",
    "vitest.config.ts",
    # Contract tests read ../shared; they run under `pnpm test:contract`, not Bazel.
    "**/*.contract.test.ts",
]

def mocktopus_package(name = "pkg", data = [], test_data = [], test_size = "small", test_tags = [], build = True):
    """The Bazel targets of one workspace project.

    Args:
        name: name of the source target that siblings link to; rules_js requires "pkg".
        data: extra files the package reads at run time (for example a JSON schema).
        test_data: extra files or targets the tests read (fixtures outside test/, examples).
        test_size: Bazel test size of the Vitest suite.
        test_tags: tags for the Vitest suite.
        build: whether to add the `:dist` tsup build (published packages).
    """
    npm_link_all_packages(name = "node_modules")

    js_library(
        name = name,
        srcs = ["package.json"] + native.glob(
            ["src/**/*.ts"],
            exclude = ["src/**/*.test.ts"],
            allow_empty = True,
        ) + data,
        deps = [":node_modules"],
        visibility = ["//visibility:public"],
    )

    if build:
        tsup_bin.tsup(
            name = "dist",
            srcs = [
                ":" + name,
                "tsconfig.json",
                "tsup.config.ts",
                "//:tsconfig_base",
                "//:node_modules/tsup",
                "//:node_modules/typescript",
                "//:node_modules/@types/node",
            ],
            chdir = native.package_name(),
            out_dirs = ["dist"],
            visibility = ["//visibility:public"],
        )

    # Sources reach the tests through :pkg; list each file once.
    native.filegroup(
        name = "test_files",
        srcs = native.glob(
            ["**"],
            exclude = _TEST_FILES_EXCLUDE + ["src/**/*.ts"] + data,
            allow_empty = True,
        ) + native.glob(
            ["src/**/*.test.ts"],
            exclude = _TEST_FILES_EXCLUDE,
            allow_empty = True,
        ),
        visibility = ["//visibility:public"],
    )

    tsconfigs = ["tsconfig.json"] + native.glob(["tsconfig.test.json"], allow_empty = True)
    for tsconfig in tsconfigs:
        typescript_bin.tsc_test(
            name = "typecheck" if tsconfig == "tsconfig.json" else "typecheck_tests",
            args = [
                "--project",
                tsconfig,
                "--noEmit",
            ],
            chdir = native.package_name(),
            data = [
                ":" + name,
                ":test_files",
                "tsconfig.json",
                "//:tsconfig_base",
                "//:node_modules/@types/node",
                "//:node_modules/tsup",
                "//:node_modules/typescript",
                "//:node_modules/vitest",
            ] + test_data,
            tags = ["typecheck"],
        )

    vitest_test(
        name = "test",
        data = [
            ":" + name,
            ":test_files",
        ] + test_data,
        size = test_size,
        tags = test_tags,
    )

def vitest_test(name, data = [], args = [], **kwargs):
    """Runs `vitest run` in the current package directory, as `pnpm test` runs each project.

    Args:
        name: target name.
        data: test files, fixtures and the targets they import.
        args: extra Vitest arguments (for example `--exclude`).
        **kwargs: passed to the generated js_test (size, tags, env, ...).
    """
    vitest_bin.vitest_test(
        name = name,
        chdir = native.package_name(),
        # No watch mode, no cache writes into the read-only runfiles tree.
        args = ["run", "--no-cache"] + args,
        data = data + [
            "package.json",
            "tsconfig.json",
            "vitest.config.ts",
            ":node_modules",
        ] + _ROOT_TEST_DATA,
        env = {"CI": "true"},
        **kwargs
    )
