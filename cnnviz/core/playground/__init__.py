"""The optimizer playground's core: 2-D surfaces, real torch optimizers, trajectories,
contour grids and the learning-rate-bound analysis of the quadratic (no Qt here)."""

from cnnviz.core.playground.contours import SurfaceGrid, compute_grid
from cnnviz.core.playground.lr_bound import (
    Explanation,
    LrAnalysis,
    Regime,
    analyze_lr,
    analyze_surface,
    eigen_path,
    factor_powers,
    gd_closed_form,
    lr_sweep,
)
from cnnviz.core.playground.optimizers import (
    HyperParam,
    HyperparameterError,
    OptimizerSpec,
    UnknownOptimizerError,
    get_optimizer_spec,
    list_optimizers,
    make_optimizer,
    parse_optimizer_spec,
)
from cnnviz.core.playground.surfaces import (
    Bounds,
    Landmark,
    ParamSpec,
    Surface,
    SurfaceParamError,
    SurfaceSpec,
    UnknownSurfaceError,
    get_surface,
    get_surface_spec,
    list_surfaces,
    quadratic_hessian,
)
from cnnviz.core.playground.trajectories import (
    RacerConfig,
    Trajectory,
    run_race,
    run_trajectory,
    suggested_hyperparams,
    unique_labels,
)

__all__ = [
    "Bounds", "Explanation", "HyperParam", "HyperparameterError", "Landmark", "LrAnalysis",
    "OptimizerSpec", "ParamSpec", "RacerConfig", "Regime", "Surface", "SurfaceGrid",
    "SurfaceParamError", "SurfaceSpec", "Trajectory", "UnknownOptimizerError",
    "UnknownSurfaceError", "analyze_lr", "analyze_surface", "compute_grid", "eigen_path", "factor_powers",
    "gd_closed_form", "get_optimizer_spec", "get_surface", "get_surface_spec",
    "list_optimizers", "list_surfaces", "lr_sweep", "make_optimizer", "parse_optimizer_spec",
    "quadratic_hessian", "run_race", "run_trajectory", "suggested_hyperparams", "unique_labels",
]
