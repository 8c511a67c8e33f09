export {
  buildLayoutForest,
  hiddenRoleIds,
  type LayoutForest,
  type LayoutInput,
  subtreeSizes,
  treeAncestorsOf,
  treeDescendantsOf,
  treeParentOf,
} from "./layout-forest";
export {
  isStackedUnder,
  missingPositions,
  placeRoles,
  placeUnder,
  stackedManagers,
} from "./placement";
export {
  DEFAULT_LAYOUT_OPTIONS,
  EDITOR_LAYOUT_OPTIONS,
  type LayoutOptions,
  layoutChart,
  layoutForest,
} from "./tree-layout";
