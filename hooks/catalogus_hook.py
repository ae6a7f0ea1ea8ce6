"""mkdocs hook: forwards mkdocs events to the catalogus package (catalogus.site.plugin), nothing more."""

from mkdocs.plugins import event_priority

from catalogus.site.plugin import SITE


@event_priority(100)  # before the search plugin, which reads the language set here
def on_config(config):
    return SITE.on_config(config)


def on_files(files, config):
    return SITE.on_files(files, config)


def on_page_markdown(markdown, page, config, files):
    return SITE.on_page_markdown(markdown, page)


def on_env(env, config, files):
    return SITE.on_env(env)


def on_post_page(output, page, config):
    return SITE.on_post_page(output)


def on_post_template(output_content, template_name, config):
    return SITE.on_post_page(output_content)
