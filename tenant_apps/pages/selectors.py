"""Read queries for navigation: the main menu and the site-map tree."""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class TreeNode:
    page: Page
    children: list[TreeNode] = field(default_factory=list)


def main_menu(root: Page) -> list[Page]:
    """The home page's children shown in menus, in tree order (one query)."""
    return list(root.get_children().live().public().in_menu().only("id", "title", "url_path", "path", "depth"))


def site_tree(root: Page, max_depth: int = 3) -> TreeNode:
    """Every live, public page under `root`, down to `max_depth` levels, as a tree (one query)."""
    pages = (
        root.get_descendants()
        .live()
        .public()
        .filter(depth__lte=root.depth + max_depth)
        .only("id", "title", "url_path", "path", "depth")
        .order_by("path")
    )
    top = TreeNode(root)
    stack = [top]
    for page in pages:
        while stack[-1].page.depth >= page.depth:
            stack.pop()
        node = TreeNode(page)
        stack[-1].children.append(node)
        stack.append(node)
    return top
