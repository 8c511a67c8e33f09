import { describe, expect, it } from "vitest";
import { headerKey } from "../text/cells";
import { type OrgField, recogniseHeader, recogniseOrgColumns } from "./org-columns";

describe("recogniseHeader", () => {
  it.each<[string, OrgField]>([
    ["Name", "name"],
    ["NAME", "name"],
    ["  full   name ", "name"],
    ["Full_Name", "name"],
    ["Employee name", "name"],
    ["Employee", "name"],
    ["Display Name", "name"],
    ["First name", "firstName"],
    ["Given Name", "firstName"],
    ["Surname", "lastName"],
    ["Last-Name", "lastName"],
    ["Title", "title"],
    ["Job title", "title"],
    ["JOB_TITLE", "title"],
    ["Position", "title"],
    ["Role", "title"],
    ["Designation", "title"],
    ["Manager", "manager"],
    ["Reports to", "manager"],
    ["Reports To", "manager"],
    ["reports_to", "manager"],
    ["Manager name", "manager"],
    ["Manager's Name", "manager"],
    ["Supervisor", "manager"],
    ["Line manager", "manager"],
    ["Manager email", "managerEmail"],
    ["Manager E-mail", "managerEmail"],
    ["Supervisor Email", "managerEmail"],
    ["Manager ID", "managerId"],
    ["Manager #", "managerId"],
    ["Manager Employee ID", "managerId"],
    ["Reports To ID", "managerId"],
    ["Department", "department"],
    ["Dept", "department"],
    ["Dept.", "department"],
    ["Team", "department"],
    ["Division", "department"],
    ["Business Unit", "department"],
    ["Employee ID", "id"],
    ["ID", "id"],
    ["Employee Number", "id"],
    ["Emp #", "id"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["Work email", "email"],
    ["Email Address", "email"],
    ["Employee Email", "email"],
    ["Employee Department", "department"],
  ])("%j → %s", (header, field) => {
    expect(recogniseHeader(header)?.field).toBe(field);
  });

  it.each(["Chef de service", "Location", "Hire date", ""])("ignores %j", (header) => {
    expect(recogniseHeader(header)).toBeUndefined();
  });

  it("folds case, accents, apostrophes and punctuation", () => {
    expect(headerKey(" Manager’s  E-Mail ")).toBe("managers e mail");
    expect(headerKey("Département")).toBe("departement");
  });
});

describe("recogniseOrgColumns", () => {
  it("keeps the header as spelled and the better-ranked of two columns for one field", () => {
    const columns = recogniseOrgColumns([" Position ", "Name", "Job Title", "Team", "Department"]);
    expect(columns.title).toEqual({ index: 2, header: "Job Title" });
    expect(columns.name).toEqual({ index: 1, header: "Name" });
    expect(columns.department).toEqual({ index: 4, header: "Department" });
    expect(recogniseOrgColumns(["Position", "Name"]).title).toEqual({
      index: 0,
      header: "Position",
    });
  });

  it("ignores columns it does not know", () => {
    expect(recogniseOrgColumns(["Location", "Hire date", "Title"])).toEqual({
      title: { index: 2, header: "Title" },
    });
  });
});
